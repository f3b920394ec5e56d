import Foundation

/// How a value was obtained: U4SSC's six data-quality levels, numbered as U4SSC numbers them
/// (1 measured … 6 unknown). Stored as that number.
///
/// A data file writes a level by its id (`measured`), a Vietnamese name (`đo đạc`) or its
/// number (`1`); see ``init(cell:)``.
public enum DataQuality: Int, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// 1: measured (sensors, registers, counts).
    case measured = 1
    /// 2: from a survey.
    case survey = 2
    /// 3: taken from data of a higher level (region, country).
    case higherLevel = 3
    /// 4: an assumption.
    case assumption = 4
    /// 5: an estimate.
    case estimate = 5
    /// 6: unknown.
    case unknown = 6

    /// The id written in data files and CSV exports: `measured`, `higher-level` …
    public var id: String {
        switch self {
        case .measured: return "measured"
        case .survey: return "survey"
        case .higherLevel: return "higher-level"
        case .assumption: return "assumption"
        case .estimate: return "estimate"
        case .unknown: return "unknown"
        }
    }

    /// The level's name in `language`.
    public func label(in language: Language) -> String {
        switch (self, language) {
        case (.measured, .en): return "measured"
        case (.measured, .vi): return "đo đạc"
        case (.survey, .en): return "survey"
        case (.survey, .vi): return "khảo sát"
        case (.higherLevel, .en): return "higher-level data"
        case (.higherLevel, .vi): return "dữ liệu cấp trên"
        case (.assumption, .en): return "assumption"
        case (.assumption, .vi): return "giả định"
        case (.estimate, .en): return "estimate"
        case (.estimate, .vi): return "ước tính"
        case (.unknown, .en): return "unknown"
        case (.unknown, .vi): return "không rõ"
        }
    }

    /// The id.
    public var description: String { id }

    /// Whether the level is one a reader should weigh with care: an estimate, an assumption or unknown.
    public var isWeak: Bool { self == .estimate || self == .assumption || self == .unknown }

    /// Every spelling a cell may hold, folded (NFC, lower case, single spaces).
    private static let spellings: [String: DataQuality] = {
        var table: [String: DataQuality] = [:]
        for level in allCases {
            table[String(level.rawValue)] = level
            table[level.id] = level
            table[fold(level.label(in: .en))] = level
            table[fold(level.label(in: .vi))] = level
        }
        for (written, level) in [
            ("surveys", survey), ("higher level", higherLevel), ("higher level data", higherLevel),
            ("assumptions", assumption), ("estimated", estimate), ("estimates", estimate),
            ("số liệu cấp trên", higherLevel),
        ] {
            table[fold(written)] = level
        }
        return table
    }()

    /// The accepted values, for messages.
    public static let accepted =
        "measured, survey, higher-level, assumption, estimate or unknown (or 1 to 6 in that order; "
        + "in Vietnamese: đo đạc, khảo sát, dữ liệu cấp trên, giả định, ước tính, không rõ)"

    /// The level a cell writes, or nil when it writes none of the accepted spellings. The
    /// cell is compared in NFC, ignoring case and runs of spaces.
    ///
    /// ```swift
    /// DataQuality(cell: "Higher-level data")   // .higherLevel
    /// DataQuality(cell: "ước tính")            // .estimate
    /// DataQuality(cell: "5")                   // .estimate
    /// ```
    public init?(cell: String) {
        guard let level = Self.spellings[Self.fold(cell)] else { return nil }
        self = level
    }

    private static func fold(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
