/// Marks on a value that every output shows.
public struct ScoreFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The value was imputed.
    public static let imputed = ScoreFlags(rawValue: 1 << 0)
    /// The value was winsorised.
    public static let winsorised = ScoreFlags(rawValue: 1 << 1)
    /// The indicator was log-transformed by outlier treatment.
    public static let logTreated = ScoreFlags(rawValue: 1 << 2)
    /// The value was clipped at a goalpost.
    public static let clipped = ScoreFlags(rawValue: 1 << 3)
    /// The value combines predecessor units.
    public static let combined = ScoreFlags(rawValue: 1 << 4)
    /// An aggregate was computed with some children missing.
    public static let partial = ScoreFlags(rawValue: 1 << 5)
    /// The indicator is normalised by target and has no target for this unit and period: the
    /// value is kept, not scored, and left out of its aggregates.
    public static let noTarget = ScoreFlags(rawValue: 1 << 6)

    /// The flags of ``text`` (unknown words are ignored).
    public init(text: String) {
        self = []
        for word in text.split(separator: ";") {
            switch word {
            case "imputed": insert(.imputed)
            case "winsorised": insert(.winsorised)
            case "log-treated": insert(.logTreated)
            case "clipped": insert(.clipped)
            case "combined": insert(.combined)
            case "partial": insert(.partial)
            default: break
            }
        }
    }

    /// The flags as short words joined by `;` (`imputed;clipped`), empty for none.
    public var text: String {
        var words: [String] = []
        if contains(.imputed) { words.append("imputed") }
        if contains(.winsorised) { words.append("winsorised") }
        if contains(.logTreated) { words.append("log-treated") }
        if contains(.clipped) { words.append("clipped") }
        if contains(.combined) { words.append("combined") }
        if contains(.partial) { words.append("partial") }
        if contains(.noTarget) { words.append("no-target") }
        return words.joined(separator: ";")
    }
}
