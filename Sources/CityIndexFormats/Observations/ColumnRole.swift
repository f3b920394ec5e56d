/// What a column of an observation file holds, as its header (or `--columns`) says.
public enum ColumnRole: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// The unit's code (or its name when there is no code column).
    case unit
    /// The unit's name.
    case name
    /// The period of the row.
    case period
    /// The indicator id of the row (long layout).
    case indicator
    /// The value of the row (long layout).
    case value
    /// Where the row's values come from.
    case source
    /// A note on the row's values.
    case note
    /// The data-quality level of the row's values (U4SSC's six levels).
    case quality
    /// Whether the row's values were verified.
    case verified
    /// A column to leave out (a row number, a unit of measure …); only through `--columns`.
    case skip

    /// `unit`, `name`, … as written in `--columns`.
    public var description: String { rawValue }

    /// What the column holds, for messages: "the unit code", "the period" …
    var reading: String {
        switch self {
        case .unit: return "the unit code"
        case .name: return "the unit name"
        case .period: return "the period"
        case .indicator: return "the indicator"
        case .value: return "the value"
        case .source: return "the source"
        case .note: return "the note"
        case .quality: return "the data-quality level"
        case .verified: return "whether the values were verified"
        case .skip: return "a column to leave out"
        }
    }
}
