/// The character a file puts between groups of three digits (`1,234,567`, `1.234.567`, `1 234 567`).
///
/// A file declares it (``CSVReadOptions/thousandsSeparator``, `--thousands-separator`); numbers
/// grouped with a separator the file does not declare are refused, never guessed.
public enum ThousandsSeparator: String, Sendable, Hashable, CaseIterable {
    /// `1,234,567.5` (the decimal mark is then the point).
    case comma = ","
    /// `1.234.567,5` (the decimal mark is then the comma).
    case dot = "."
    /// `1 234 567`: a space, or the no-break spaces U+00A0 and U+202F that spreadsheets write.
    case space
    /// Digits are never grouped: any separator is refused.
    case noSeparator = "none"

    /// The separator named by a command-line value: `,` `.` `space` `none` (also `comma`, `dot`).
    public init?(option: String) {
        switch option.lowercased() {
        case ",", "comma": self = .comma
        case ".", "dot", "point": self = .dot
        case " ", "space": self = .space
        case "none", "": self = .noSeparator
        default: return nil
        }
    }

    /// The value that selects it on the command line: `','`, `'.'`, `space`, `none`.
    public var option: String {
        switch self {
        case .comma: return "','"
        case .dot: return "'.'"
        case .space: return "space"
        case .noSeparator: return "none"
        }
    }

    /// The byte it is written with in the text the parser works on (no-break spaces become `0x20`).
    var byte: UInt8? {
        switch self {
        case .comma: return UInt8(ascii: ",")
        case .dot: return UInt8(ascii: ".")
        case .space: return 0x20
        case .noSeparator: return nil
        }
    }
}
