/// A report language.
public enum Language: String, Sendable, Hashable, CaseIterable {
    case vi, en
}

/// A name given in Vietnamese and/or English.
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

    /// True when neither language has text.
    public var isEmpty: Bool { en == nil && vi == nil }
}
