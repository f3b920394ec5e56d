/// A report language.
public enum Language: String, Sendable, Hashable, CaseIterable {
    case vi, en
}

/// A text given in Vietnamese and/or English: a name, a unit of measure, a source, notes.
///
/// ```swift
/// let unit = LocalizedText(en: "people", vi: "người")
/// unit.text(in: .vi)                        // "người"
/// LocalizedText(en: "years").text(in: .vi)  // "years": the other language when one is missing
/// ```
public struct LocalizedText: Sendable, Hashable {
    /// The English text, if any.
    public var en: String?
    /// The Vietnamese text, if any.
    public var vi: String?

    /// Creates a text from its English and Vietnamese forms.
    public init(en: String? = nil, vi: String? = nil) {
        self.en = en
        self.vi = vi
    }

    /// The text in `language`, falling back to the other language, then to `fallback`.
    public func text(in language: Language, fallback: String = "") -> String {
        switch language {
        case .en: return en ?? vi ?? fallback
        case .vi: return vi ?? en ?? fallback
        }
    }

    /// A text in one language: `text` as `language`'s form, nothing for nil.
    public init(_ text: String?, in language: Language) {
        self.init(en: language == .en ? text : nil, vi: language == .vi ? text : nil)
    }

    /// The text in `language`, falling back to the other language; nil when neither has text.
    public func nonEmpty(in language: Language) -> String? {
        isEmpty ? nil : text(in: language)
    }

    /// True when neither language has text.
    public var isEmpty: Bool { en == nil && vi == nil }

    /// Both forms, English first, without repeats: for a search over every text a set gives.
    public var forms: [String] {
        [en, vi].compactMap { $0 }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
    }
}
