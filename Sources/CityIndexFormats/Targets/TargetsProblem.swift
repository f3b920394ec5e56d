import CityIndexCore

/// One problem of a targets file, with its place; prints as `file:line:column: what is wrong; what to do`.
public enum TargetsProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// A required column is missing from the header.
    case missingColumn(place: SourcePlace, name: String)
    /// A header column that a targets file does not have.
    case unknownColumn(place: SourcePlace, name: String, suggestion: String?)
    /// A header column given twice.
    case repeatedColumn(place: SourcePlace, name: String)
    /// A required cell (indicator, target, source) is empty.
    case emptyCell(place: SourcePlace, column: String)
    /// The indicator is not in the criteria set.
    case unknownIndicator(place: SourcePlace, id: String, suggestion: String?)
    /// The id names an aggregate, not an indicator.
    case aggregate(place: SourcePlace, id: String)
    /// The target is not a number.
    case notANumber(place: SourcePlace, error: NumberError)
    /// The target cannot be reached in the indicator's direction (0 or below for higher-is-better,
    /// below 0 for lower-is-better).
    case outOfRange(place: SourcePlace, id: String, target: Double, direction: Direction)
    /// The period cell is not a period.
    case badPeriod(place: SourcePlace, text: String)
    /// The same indicator, unit and period with the same target on another line.
    case duplicate(place: SourcePlace, key: String, firstLine: Int)
    /// The same indicator, unit and period with another target on another line.
    case conflict(place: SourcePlace, key: String, target: Double, otherTarget: Double, otherLine: Int)

    /// Where the problem is.
    public var place: SourcePlace {
        switch self {
        case let .missingColumn(p, _), let .unknownColumn(p, _, _), let .repeatedColumn(p, _), let .emptyCell(p, _),
            let .unknownIndicator(p, _, _), let .aggregate(p, _), let .notANumber(p, _), let .outOfRange(p, _, _, _),
            let .badPeriod(p, _), let .duplicate(p, _, _), let .conflict(p, _, _, _, _):
            return p
        }
    }

    /// What is wrong and what to do, without the place.
    public var message: String {
        switch self {
        case let .missingColumn(_, name):
            return "the targets file has no \"\(name)\" column; expected \(TargetsFileReader.columnList)"
        case let .unknownColumn(_, name, suggestion):
            let hint = suggestion.map { " (did you mean \"\($0)\"?)" } ?? ""
            return "column \"\(name)\" is not a targets column\(hint); expected \(TargetsFileReader.columnList)"
        case let .repeatedColumn(_, name):
            return "column \"\(name)\" is given twice; keep one"
        case let .emptyCell(_, column):
            return column == "source"
                ? "the source is empty: say where the target comes from (a plan, a decision, \"illustrative\")"
                : "the \(column) is empty"
        case let .unknownIndicator(_, id, suggestion):
            let hint = suggestion.map { "; did you mean \"\($0)\"?" } ?? ""
            return "unknown indicator \"\(id)\": not in the criteria set\(hint)"
        case let .aggregate(_, id):
            return "\"\(id)\" is an aggregate of the criteria set; targets belong to indicators"
        case let .notANumber(_, error):
            if case .percent = error { return error.message(column: "target") }
            return "\"\(error.text)\" in column \"target\" is not a number: write the target with a decimal point and no thousands separator, such as 1234.5"
        case let .outOfRange(_, id, target, direction):
            let expected = direction == .higher ? "above 0" : "0 or above"
            return "target \(Self.number(target)) of \"\(id)\" (\(direction == .higher ? "higher" : "lower") is better) cannot be reached as a share; expected a target \(expected)"
        case let .badPeriod(_, text):
            return "\"\(text)\" is not a period: expected 2024, 2024-H1, 2024-Q3 or 2024-07, or leave the cell empty for every period"
        case let .duplicate(_, key, first):
            return "the target of \(key) is given twice: here and on line \(first); keep one"
        case let .conflict(_, key, target, other, line):
            return "the target of \(key) conflicts with line \(line): \(Self.number(other)) there, \(Self.number(target)) here; keep one"
        }
    }

    public var description: String { "\(place): \(message)" }

    static func number(_ x: Double) -> String {
        if x.rounded() == x, abs(x) < 1e15 { return String(Int64(x)) }
        return String(describing: x)
    }
}
