import Foundation
import Testing

/// One bad input: the command that meets it, the exact message, the place it names and the exit
/// code. Paths in messages are shown relative to the case's folder.
struct BadInputCase: CustomTestStringConvertible, Sendable {
    /// What the case runs.
    enum Command: Sendable {
        /// `import --criteria <criteria> --data data.csv` (plus `extra`).
        case importData
        /// `score --criteria <criteria> --period 2024` on the baseline store, without `--data`.
        case score
    }

    /// The criteria set the command reads.
    enum Criteria: Sendable {
        /// The baseline set (`tiny.yaml`, indicators a1, a2, b1).
        case tiny
        /// The baseline set naming a unit registry (`regset.yaml` with `units: reg.csv`).
        case withRegistry
        /// YAML written to `set.yaml`.
        case yaml(String)
        /// A flat table written to `set.csv`.
        case table(String)
        /// A path in the case's folder that does not exist.
        case missing
    }

    let name: String
    var command: Command = .importData
    var criteria: Criteria = .tiny
    /// The bytes of `data.csv`; `nil` leaves the baseline data file (`good.csv`) as `--data`.
    var data: [UInt8]? = nil
    var extra: [String] = []
    let status: Int32
    /// Every line of standard error, exactly.
    let stderr: String
    /// The place the message must name: `file:line:column`, a criteria path, a node and unit.
    let place: String
    /// Whether only the first line of standard error is compared (usage errors append the usage).
    var firstLineOnly = false

    var testDescription: String { name }
}

private func csv(_ text: String) -> [UInt8] { Array(text.utf8) }

private let long = "unit,indicator,period,value\n"
private let yamlHead = "id: tiny\nroot:\n  id: index\n  children:\n"
private let tableHead = "Level,iCode,iName,Direction,Weight,Unit,Target,Denominator,Parent,Type\n"
private let tableTail = "2,A,A,1,1,,,,index,Aggregate\n2,B,B,1,1,,,,index,Aggregate\n3,index,I,1,1,,,,,Aggregate\n"
private let nodeKeys =
    "id, name, description, unit, kind, direction, weight, target, source, notes, scored, tags, children, denominate, impute, treat, transform, normalise, aggregate, over-time, combine, range"
private let normaliseMethods = "min-max, goalposts, target, z-score, rank, percentile, bands, ratio, yes-no, none"
private let notFinite = "is not a finite number: write a finite value, or leave the cell empty when it is missing."
private let ragged = "quote fields that contain the delimiter, or add the missing ones."

/// The catalogue (issue 8, item 1): malformed CSV, wrong numbers, unknown or near-miss names,
/// duplicates, periods, criteria sets broken in every documented way, and scoring failures.
let badInputCatalogue: [BadInputCase] = [
    // MARK: Malformed CSV
    BadInputCase(
        name: "unclosed quote", data: csv(long + "X,a1,2025,\"1\n"), status: 1,
        stderr: "error: data.csv:2:11: this quoted field is never closed: add the closing \" or write a quote inside a field as \"\".",
        place: "data.csv:2:11"),
    BadInputCase(
        name: "text after a closing quote", data: csv(long + "X,a1,2025,\"1\"2\n"), status: 1,
        stderr: "error: data.csv:2:14: text after a closing quote: put the whole field inside the quotes and write inner quotes as \"\".",
        place: "data.csv:2:14"),
    BadInputCase(
        name: "quote inside an unquoted field", data: csv(long + "X,a1,2025,1\"2\n"), status: 1,
        stderr: "error: data.csv:2:12: a \" inside an unquoted field: quote the whole field and write the inner quote as \"\".",
        place: "data.csv:2:12"),
    BadInputCase(
        name: "ragged row, one field too many", data: csv(long + "X,a1,2025,1,2\n"), status: 1,
        stderr: "error: data.csv:2:13: this row has 5 fields but the header has 4: \(ragged)", place: "data.csv:2:13"),
    BadInputCase(
        name: "ragged row, one field short", data: csv(long + "X,a1,2025\n"), status: 1,
        stderr: "error: data.csv:2:6: this row has 3 fields but the header has 4: \(ragged)", place: "data.csv:2:6"),
    BadInputCase(
        name: "NUL byte", data: csv(long + "X,a1,2025,1") + [0] + csv("2\n"), status: 1,
        stderr: "error: data.csv:2:12: a NUL byte: the file is binary or UTF-16; save it as UTF-8 CSV.", place: "data.csv:2:12"),
    BadInputCase(
        name: "UTF-16 file", data: [0xFF, 0xFE] + Array("unit,a1\n".utf8).flatMap { [$0, 0] }, status: 1,
        stderr: "error: data.csv:1:1: bytes that are not UTF-8: save the file as UTF-8 CSV.", place: "data.csv:1:1"),
    BadInputCase(
        name: "invalid UTF-8", data: csv(long + "X,a1,2025,") + [0xFF] + csv("1\n"), status: 1,
        stderr: "error: data.csv:2:11: bytes that are not UTF-8: save the file as UTF-8 CSV.", place: "data.csv:2:11"),
    BadInputCase(
        name: "byte order mark in the middle", data: csv(long) + [0xEF, 0xBB, 0xBF] + csv("X,a1,2025,1\n"), status: 1,
        stderr: "error: data.csv:2:1: a byte order mark inside the file (files pasted together?): remove it, it may only start a file.",
        place: "data.csv:2:1"),
    BadInputCase(
        name: "empty file", data: [], status: 1,
        stderr: "error: data.csv: the file is empty: it needs a header line naming the columns.", place: "data.csv"),
    BadInputCase(
        name: "header only", data: csv(long), status: 1,
        stderr: "error: data.csv: the file has a header but no rows of data: add the values below the header.", place: "data.csv"),
    BadInputCase(
        name: "header and blank lines only", data: csv(long + "\n\r\n\n"), status: 1,
        stderr: "error: data.csv: the file has a header but no rows of data: add the values below the header.", place: "data.csv"),
    BadInputCase(
        name: "header fits no layout", data: csv("foo,bar\n1,2\n"), status: 1,
        stderr: "error: data.csv: cannot tell the layout from the header (\"foo\", \"bar\"): name the unit column \"unit\" (or \"code\") for one column per indicator, or write unit,indicator,period,value for one value per row; for other names, say which column is which with --columns (e.g. --columns 'Province=unit').",
        place: "data.csv"),
    BadInputCase(
        name: "long file without a value column", data: csv("unit,indicator,period\nX,a1,2025\n"), status: 1,
        stderr: "error: data.csv: the long layout needs a column \"value\": add it to the header.", place: "data.csv"),
    BadInputCase(
        name: "duplicate column", data: csv("unit,period,a1,a1\nX,2025,1,2\n"), status: 1,
        stderr: "error: data.csv:1:16: column \"a1\" appears twice in the header: rename or remove one.", place: "data.csv:1:16"),
    BadInputCase(
        name: "value in a column without a header", data: csv("unit,period,a1,\nX,2025,1,5\n"), status: 1,
        stderr: "error: data.csv:2:10: a value in a column without a header: name the column or remove the value.",
        place: "data.csv:2:10"),
    BadInputCase(
        name: "data file does not exist", data: nil, extra: ["--data", "absent.csv"], status: 1,
        stderr: "error: data file absent.csv does not exist", place: "absent.csv"),

    // MARK: Wrong numbers
    BadInputCase(
        name: "decimal comma without the dialect", data: csv(long + "X,a1,2025,\"1.234,5\"\n"), status: 1,
        stderr: "error: data.csv:2:11: \"1.234,5\" in column \"a1\" uses a decimal comma: pass --decimal-comma, or write 1234.5.",
        place: "data.csv:2:11"),
    BadInputCase(
        name: "thousands separator", data: csv(long + "X,a1,2025,\"1,234.5\"\n"), status: 1,
        stderr: "error: data.csv:2:11: \"1,234.5\" in column \"a1\" has \",\" between groups of digits: pass --thousands-separator ',' if the file groups thousands so, or write 1234.5.",
        place: "data.csv:2:11"),
    BadInputCase(
        name: "comma grouping three digits: two readings", data: csv(long + "X,a1,2025,\"5,057\"\n"), status: 1,
        stderr: "error: data.csv:2:11: \"5,057\" in column \"a1\" is ambiguous: 5057 if \",\" separates thousands (--thousands-separator ','), "
            + "5.057 if \",\" is the decimal mark (--decimal-comma); pass the option that fits the file, or write the number without a thousands separator.",
        place: "data.csv:2:11"),
    BadInputCase(
        name: "percent", data: csv(long + "X,a1,2025,12%\n"), status: 1,
        stderr: "error: data.csv:2:11: \"12%\" in column \"a1\" is not a number: write the value without \"%\", in the indicator's unit of measure.",
        place: "data.csv:2:11"),
    BadInputCase(
        name: "1e999 overflows", data: csv(long + "X,a1,2025,1e999\n"), status: 1,
        stderr: "error: data.csv:2:11: \"1e999\" in column \"a1\" \(notFinite)", place: "data.csv:2:11"),
    BadInputCase(
        name: "NaN", data: csv(long + "X,a1,2025,NaN\n"), status: 1,
        stderr: "error: data.csv:2:11: \"NaN\" in column \"a1\" \(notFinite)", place: "data.csv:2:11"),
    BadInputCase(
        name: "Inf", data: csv(long + "X,a1,2025,Inf\n"), status: 1,
        stderr: "error: data.csv:2:11: \"Inf\" in column \"a1\" \(notFinite)", place: "data.csv:2:11"),
    BadInputCase(
        name: "-infinity in a wide file", data: csv("unit,period,a1,a2,b1\nX,2025,1,-infinity,3\n"), status: 1,
        stderr: "error: data.csv:2:10: \"-infinity\" in column \"a2\" \(notFinite)", place: "data.csv:2:10"),
    BadInputCase(
        name: "text instead of a number", data: csv(long + "X,a1,2025,abc\n"), status: 1,
        stderr: "error: data.csv:2:11: \"abc\" in column \"a1\" is not a number: write a number such as 12.5, or leave the cell empty (or NA) when it is missing.",
        place: "data.csv:2:11"),

    // MARK: Unknown units and indicators, near-misses
    BadInputCase(
        name: "unknown indicator", data: csv(long + "X,zz_unknown,2025,1\n"), status: 1,
        stderr: "error: data.csv:2:3: indicator \"zz_unknown\" is not in the criteria set: check the id, or add the indicator to the set.",
        place: "data.csv:2:3"),
    BadInputCase(
        name: "near-miss indicator", data: csv(long + "X,b_1,2025,1\n"), status: 1,
        stderr: "error: data.csv:2:3: indicator \"b_1\" is not in the criteria set: did you mean \"b1\"?", place: "data.csv:2:3"),
    BadInputCase(
        name: "near-miss indicator column in a wide file", data: csv("unit,period,a1,a2,b11\nX,2025,1,2,3\n"), status: 1,
        stderr: "error: data.csv:1:19: column \"b11\" is not an indicator of the criteria set: did you mean \"b1\"? Fix the header, or rename the column if it is a unit attribute.",
        place: "data.csv:1:19"),
    BadInputCase(
        name: "near-miss unit name", criteria: .withRegistry, data: csv("unit,period,a1,a2,b1\nXuan Thuyy,2025,1,2,3\n"),
        status: 1,
        stderr: "error: data.csv:2:1: unit \"Xuan Thuyy\" is not in the unit registries (reg.csv): did you mean \"Xuân Thủy\"?",
        place: "data.csv:2:1"),
    BadInputCase(
        name: "unknown unit", criteria: .withRegistry, data: csv("unit,period,a1,a2,b1\nX,2025,1,2,3\nQQQ,2025,1,2,3\n"),
        status: 1, stderr: "error: data.csv:3:1: unit \"QQQ\" is not in the unit registries (reg.csv)", place: "data.csv:3:1"),
    BadInputCase(
        name: "empty unit", data: csv(long + ",a1,2025,1\n"), status: 1,
        stderr: "error: data.csv:2:1: the unit is empty: write the unit's code or name in column \"unit\".", place: "data.csv:2:1"),
    BadInputCase(
        name: "empty indicator", data: csv(long + "X,,2025,1\n"), status: 1,
        stderr: "error: data.csv:2:3: the indicator is empty: write an indicator id in column \"indicator\".", place: "data.csv:2:3"),

    // MARK: Duplicates and conflicts
    BadInputCase(
        name: "duplicate rows with different values (long)", data: csv(long + "X,a1,2025,1\nX,a1,2025,2\n"), status: 1,
        stderr: "error: data.csv:3:11: unit \"X\", indicator \"a1\", period 2025 is given twice, 1 on line 2 and 2 here: keep one of them.",
        place: "data.csv:3:11"),
    BadInputCase(
        name: "duplicate rows with different values (wide)", data: csv("unit,period,a1\nX,2025,1\nX,2025,2\n"), status: 1,
        stderr: "error: data.csv:3:8: unit \"X\", indicator \"a1\", period 2025 is given twice, 1 on line 2 and 2 here: keep one of them.",
        place: "data.csv:3:8"),
    BadInputCase(
        name: "value contradicting the store", data: csv(long + "X,a1,2024,7\n"), status: 3,
        stderr: """
            error: 1 value(s) conflict with stored values; nothing was imported; use --replace to overwrite; the old values are kept in history
            error: data.csv:2:11: X / a1 / 2024: stored 1.0, new 7.0
            """,
        place: "data.csv:2:11"),

    // MARK: Periods
    BadInputCase(
        name: "month 13", data: csv(long + "X,a1,2025-13,1\n"), status: 1,
        stderr: "error: data.csv:2:6: period \"2025-13\" is not a period: expected 2024, 2024-H1, 2024-Q3 or 2024-07.",
        place: "data.csv:2:6"),
    BadInputCase(
        name: "quarter 5", data: csv(long + "X,a1,2025-Q5,1\n"), status: 1,
        stderr: "error: data.csv:2:6: period \"2025-Q5\" is not a period: expected 2024, 2024-H1, 2024-Q3 or 2024-07.",
        place: "data.csv:2:6"),
    BadInputCase(
        name: "fiscal-year label", data: csv(long + "X,a1,FY2025,1\n"), status: 1,
        stderr: "error: data.csv:2:6: period \"FY2025\" is not a period: expected 2024, 2024-H1, 2024-Q3 or 2024-07.",
        place: "data.csv:2:6"),
    BadInputCase(
        name: "no period column and no --period", data: csv("unit,a1\nX,1\n"), status: 1,
        stderr: "error: data.csv: the file has no period column: add a column \"period\" or pass --period (e.g. --period 2024).",
        place: "data.csv"),
    BadInputCase(
        name: "--period out of format", data: csv("unit,a1\nX,1\n"), extra: ["--period", "2025/26"], status: 2,
        stderr: "Error: --period \"2025/26\" is not a period: expected 2024, 2024-H1, 2024-Q3 or 2024-07", place: "--period",
        firstLineOnly: true),

    // MARK: Statistical tables: period columns, --indicator, --columns, Vietnamese headers
    BadInputCase(
        name: "period column header that is not a period", data: csv("unit,2024,2024-Q5\nX,1,2\n"),
        extra: ["--indicator", "a1"], status: 1,
        stderr: "error: data.csv:1:11: column \"2024-Q5\" looks like a period but is not one: write the period alone (2016, 2016-H1, 2016-Q3 or 2016-07), or give it one with --columns '2024-Q5=2024'.",
        place: "data.csv:1:11"),
    BadInputCase(
        name: "one column per period without --indicator", data: csv("unit,2023,2024\nX,1,2\n"), status: 1,
        stderr: "error: data.csv: the file has one column per period and holds one indicator: name it with --indicator ID.",
        place: "data.csv"),
    BadInputCase(
        name: "--indicator not in the set", data: csv("unit,2024\nX,1\n"), extra: ["--indicator", "a3"], status: 1,
        stderr: "error: --indicator \"a3\" is not an indicator of the criteria set: did you mean \"a1\"?", place: "--indicator"),
    BadInputCase(
        name: "--indicator for a wide file", data: csv("unit,period,a1\nX,2024,1\n"), extra: ["--indicator", "a1"], status: 1,
        stderr: "error: data.csv: --indicator a1 is for files holding one indicator, but this file is wide: its columns name the indicators. Leave --indicator out for it.",
        place: "data.csv"),
    BadInputCase(
        name: "--columns with an unknown role", extra: ["--columns", "unit=unti"], status: 2,
        stderr: "Error: --columns: \"unti\" (for column \"unit\") is not a role: did you mean \"unit\"? Roles: unit, name, period, indicator, value, source, note, quality, verified, skip or a period such as 2016.",
        place: "--columns", firstLineOnly: true),
    BadInputCase(
        name: "--columns naming a column the file lacks", data: csv("Province,Year,a1\nX,2024,1\n"),
        extra: ["--columns", "Provinc=unit,Year=period"], status: 1,
        stderr: "error: data.csv: --columns names column \"Provinc\", which the header does not have: did you mean \"Province\"?",
        place: "data.csv"),
    BadInputCase(
        name: "two columns for the unit code", data: csv("Mã tỉnh,Mã,Năm,a1\nX,X,2024,1\n"), status: 1,
        stderr: "error: data.csv:1:9: columns \"Mã tỉnh\" and \"Mã\" both hold the unit code: remove one, or pass --columns 'Mã=skip'.",
        place: "data.csv:1:9"),
    BadInputCase(
        name: "a header read as a role and as an indicator",
        criteria: .yaml(yamlHead + "    - {id: a1}\n    - {id: source}\n"), data: csv("unit,period,a1,source\nX,2024,1,2\n"),
        status: 1,
        stderr: "error: data.csv:1:16: column \"source\" can be read as the source or as indicator \"source\" of the criteria set: rename the column, or say which it is with --columns (e.g. --columns 'source=source').",
        place: "data.csv:1:16"),

    // MARK: Criteria sets (YAML)
    BadInputCase(
        name: "criteria: duplicate ids",
        criteria: .yaml(yamlHead + "    - id: A\n      children:\n        - {id: a1}\n        - {id: a1}\n    - {id: b1}\n"), status: 1,
        stderr: "error: set.yaml:8:11 (root.children[0].children[1]): id \"a1\" is used twice: here and at set.yaml:7:11 (root.children[0].children[0])",
        place: "set.yaml:8:11 (root.children[0].children[1])"),
    BadInputCase(
        name: "criteria: zero weight", criteria: .yaml(yamlHead + "    - {id: a1, weight: 0}\n    - {id: b1}\n"), status: 1,
        stderr: "error: set.yaml:5:24 (root.children[0].weight): expected a number above 0, found 0",
        place: "set.yaml:5:24 (root.children[0].weight)"),
    BadInputCase(
        name: "criteria: negative weight", criteria: .yaml(yamlHead + "    - {id: a1, weight: -2}\n    - {id: b1}\n"), status: 1,
        stderr: "error: set.yaml:5:24 (root.children[0].weight): expected a number above 0, found -2",
        place: "set.yaml:5:24 (root.children[0].weight)"),
    BadInputCase(
        name: "criteria: unknown normalise method",
        criteria: .yaml(yamlHead + "    - {id: a1, normalise: {method: minmax}}\n    - {id: b1}\n"), status: 1,
        stderr: "error: set.yaml:5:36 (root.children[0].normalise.method): unknown method \"minmax\"; expected one of \(normaliseMethods) (did you mean \"min-max\"?)",
        place: "set.yaml:5:36 (root.children[0].normalise.method)"),
    BadInputCase(
        name: "criteria: unknown aggregate method",
        criteria: .yaml(yamlHead + "    - {id: a1}\n    - {id: b1}\n  aggregate: {method: geometricc}\n"), status: 1,
        stderr: "error: set.yaml:7:23 (root.aggregate.method): unknown method \"geometricc\"; expected one of arithmetic, geometric, harmonic, sum, min (did you mean \"geometric\"?)",
        place: "set.yaml:7:23 (root.aggregate.method)"),
    BadInputCase(
        name: "criteria: unknown node key", criteria: .yaml(yamlHead + "    - {id: a1, wieght: 2}\n    - {id: b1}\n"), status: 1,
        stderr: "error: set.yaml:5:16 (root.children[0].wieght): unknown key \"wieght\"; expected one of \(nodeKeys) (did you mean \"weight\"?)",
        place: "set.yaml:5:16 (root.children[0].wieght)"),
    BadInputCase(
        name: "criteria: unknown set key", criteria: .yaml("id: tiny\nscael: 100\nroot:\n  id: index\n  children:\n    - {id: a1}\n"),
        status: 1,
        stderr: "error: set.yaml:2:1 (scael): unknown key \"scael\"; expected one of id, version, name, description, source, notes, language, scale, precision, ties, units, table, nodes, screen, groups, uncertainty, targets, charts, defaults, root (did you mean \"scale\"?)",
        place: "set.yaml:2:1 (scael)"),
    BadInputCase(
        name: "criteria: unknown direction", criteria: .yaml(yamlHead + "    - {id: a1, direction: up}\n    - {id: b1}\n"), status: 1,
        stderr: "error: set.yaml:5:27 (root.children[0].direction): unknown direction \"up\"; expected one of higher, lower",
        place: "set.yaml:5:27 (root.children[0].direction)"),
    BadInputCase(
        name: "criteria: unknown tie method", criteria: .yaml("id: tiny\nties: olympic\nroot:\n  id: index\n  children:\n    - {id: a1}\n"),
        status: 1, stderr: "error: set.yaml:2:7 (ties): unknown tie method \"olympic\"; expected one of competition, dense, ordinal",
        place: "set.yaml:2:7 (ties)"),
    BadInputCase(
        name: "criteria: goalposts min = max",
        criteria: .yaml(yamlHead + "    - {id: a1, normalise: {method: goalposts, min: 10, max: 10}}\n    - {id: b1}\n"), status: 1,
        stderr: "error: set.yaml:5:27 (root.children[0].normalise): goalposts min 10 must be below max 10",
        place: "set.yaml:5:27 (root.children[0].normalise)"),
    BadInputCase(
        name: "criteria: goalposts min > max",
        criteria: .yaml(yamlHead + "    - {id: a1, normalise: {method: goalposts, min: 85, max: 20}}\n    - {id: b1}\n"), status: 1,
        stderr: "error: set.yaml:5:27 (root.children[0].normalise): goalposts min 85 must be below max 20",
        place: "set.yaml:5:27 (root.children[0].normalise)"),
    BadInputCase(
        name: "criteria: bands not increasing",
        criteria: .yaml(yamlHead + "    - {id: a1, normalise: {method: bands, thresholds: [10, 5, 20], points: [1, 2, 3, 4]}}\n    - {id: b1}\n"),
        status: 1, stderr: "error: set.yaml:5:55 (root.children[0].normalise.thresholds): thresholds must increase strictly; 5 follows 10",
        place: "set.yaml:5:55 (root.children[0].normalise.thresholds)"),
    BadInputCase(
        name: "criteria: bands with too few points",
        criteria: .yaml(yamlHead + "    - {id: a1, normalise: {method: bands, thresholds: [10, 20], points: [1, 2]}}\n    - {id: b1}\n"),
        status: 1,
        stderr: "error: set.yaml:5:73 (root.children[0].normalise.points): expected 3 points (one more than the 2 thresholds), found 2",
        place: "set.yaml:5:73 (root.children[0].normalise.points)"),
    BadInputCase(
        name: "criteria: target method without a target",
        criteria: .yaml(yamlHead + "    - {id: a1, normalise: {method: target}}\n    - {id: b1}\n"), status: 1,
        stderr: "error: set.yaml:5:7 (root.children[0]): normalise method target needs a target: give target on node \"a1\" or in normalise",
        place: "set.yaml:5:7 (root.children[0])"),
    BadInputCase(
        name: "criteria: a node with no scored descendants",
        criteria: .yaml(yamlHead + "    - {id: a1}\n    - id: B\n      children:\n        - {id: b1, scored: false}\n"), status: 1,
        stderr: "error: set.yaml:6:7 (root.children[1]): node \"B\" has no scored children; mark it scored: false or score a child",
        place: "set.yaml:6:7 (root.children[1])"),
    BadInputCase(
        name: "criteria: empty children list", criteria: .yaml(yamlHead + "    - {id: a1}\n    - {id: B, children: []}\n"), status: 1,
        stderr: "error: set.yaml:6:25 (root.children[1].children): children is an empty list; list at least one node, or remove children to make node \"B\" an indicator",
        place: "set.yaml:6:25 (root.children[1].children)"),
    BadInputCase(
        name: "criteria: invalid id", criteria: .yaml(yamlHead + "    - {id: \"a/1\"}\n    - {id: b1}\n"), status: 1,
        stderr: "error: set.yaml:5:12 (root.children[0].id): id \"a/1\" may only hold letters A-Z and a-z, digits, \"_\", \".\" and \"-\"",
        place: "set.yaml:5:12 (root.children[0].id)"),
    BadInputCase(
        name: "criteria: zero scale", criteria: .yaml("id: tiny\nscale: 0\nroot:\n  id: index\n  children:\n    - {id: a1}\n"), status: 1,
        stderr: "error: set.yaml:2:8 (scale): expected a number above 0, found 0", place: "set.yaml:2:8 (scale)"),
    BadInputCase(
        name: "criteria: YAML syntax", criteria: .yaml(yamlHead + "    - {id: a1\n    - {id: b1}\n"), status: 1,
        stderr: "error: set.yaml:6:7: YAML syntax: did not find expected ',' or '}' (while parsing a flow mapping at line 5, column 7)",
        place: "set.yaml:6:7"),
    BadInputCase(
        name: "criteria: empty file", criteria: .yaml(""), status: 1,
        stderr: "error: set.yaml: the file is empty; expected a criteria set with id and root", place: "set.yaml"),
    BadInputCase(
        name: "criteria: no root", criteria: .yaml("id: tiny\n"), status: 1,
        stderr: "error: set.yaml:1:1: missing key root; expected the tree of nodes under root (or table: a flat table)",
        place: "set.yaml:1:1"),
    BadInputCase(
        name: "criteria: file does not exist", criteria: .missing, status: 1,
        stderr: "error: criteria set absent.yaml does not exist: give the path of a YAML criteria set or a flat criteria table (.csv)",
        place: "absent.yaml"),

    // MARK: Criteria sets (flat table)
    BadInputCase(
        name: "table: cycle",
        criteria: .table(
            tableHead + "1,a1,A1,1,1,,,,A,Indicator\n1,b1,B1,1,1,,,,B,Indicator\n"
                + "2,A,A,1,1,,,,B,Aggregate\n2,B,B,1,1,,,,A,Aggregate\n3,index,I,1,1,,,,,Aggregate\n"), status: 1,
        stderr: "error: set.csv:4:14 (table row 3 (iCode A) column Parent): cycle in Parent: A → B → A",
        place: "set.csv:4:14 (table row 3 (iCode A) column Parent)"),
    BadInputCase(
        name: "table: missing parent, with the closest",
        criteria: .table(tableHead + "1,a1,A1,1,1,,,,A,Indicator\n1,b1,B1,1,1,,,,Bb,Indicator\n" + tableTail), status: 1,
        stderr: "error: set.csv:3:16 (table row 2 (iCode b1) column Parent): parent \"Bb\" is not an iCode of the table; did you mean \"B\"?",
        place: "set.csv:3:16 (table row 2 (iCode b1) column Parent)"),
    BadInputCase(
        name: "table: duplicate iCode",
        criteria: .table(tableHead + "1,a1,A1,1,1,,,,A,Indicator\n1,a1,A2,1,1,,,,A,Indicator\n1,b1,B1,1,1,,,,B,Indicator\n" + tableTail),
        status: 1, stderr: "error: set.csv:3:3 (table row 2 (iCode a1) column iCode): duplicate iCode \"a1\"; also in row 1 (set.csv:2)",
        place: "set.csv:3:3 (table row 2 (iCode a1) column iCode)"),
    BadInputCase(
        name: "table: negative weight",
        criteria: .table(tableHead + "1,a1,A1,1,-1,,,,A,Indicator\n1,b1,B1,1,1,,,,B,Indicator\n" + tableTail), status: 1,
        stderr: "error: set.csv:2:11 (table row 1 (iCode a1) column Weight): Weight -1 must be above 0",
        place: "set.csv:2:11 (table row 1 (iCode a1) column Weight)"),
    BadInputCase(
        name: "table: unknown Normalise method",
        criteria: .table(
            "Level,iCode,iName,Direction,Weight,Unit,Target,Denominator,Parent,Type,Normalise\n"
                + "1,a1,A1,1,1,,,,A,Indicator,minmax\n1,b1,B1,1,1,,,,B,Indicator,\n"
                + "2,A,A,1,1,,,,index,Aggregate,\n2,B,B,1,1,,,,index,Aggregate,\n3,index,I,1,1,,,,,Aggregate,\n"), status: 1,
        stderr: "error: set.csv:2:28 (table row 1 (iCode a1) column Normalise): unknown Normalise method \"minmax\"; expected one of min-max, goalposts, target, z-score, rank, percentile, ratio, yes-no, none (did you mean \"min-max\"?)",
        place: "set.csv:2:28 (table row 1 (iCode a1) column Normalise)"),
    BadInputCase(
        name: "table: an Aggregate without rows under it",
        criteria: .table(tableHead + "1,a1,A1,1,1,,,,A,Indicator\n1,b1,B1,1,1,,,,A,Indicator\n" + tableTail), status: 1,
        stderr: "error: set.csv:5:20 (table row 4 (iCode B) column Type): Aggregate \"B\" has no rows under it; give rows Parent B, or make it an Indicator",
        place: "set.csv:5:20 (table row 4 (iCode B) column Type)"),

    // MARK: Scoring
    BadInputCase(
        name: "geometric aggregation meeting a zero", command: .score,
        criteria: .yaml(
            "id: tiny\nscale: 100\nroot:\n  id: index\n  aggregate: geometric\n  children:\n"
                + "    - id: A\n      children:\n        - {id: a1}\n        - {id: a2, direction: lower}\n"
                + "    - id: B\n      children:\n        - {id: b1}\n"), status: 1,
        stderr: """
            warning: set.yaml:4:3 (root): node "index" takes a geometric mean without a floor, but "a1", "a2", "b1" can score 0 (normalised by min-max); add aggregate floor (for example 0.01)
            error: cannot take the geometric mean at node "index" for unit Y: child "B" scores 0.0; give the node's aggregate a floor (aggregate: {method: geometric, floor: 0.01}) or use method arithmetic
            """,
        place: "node \"index\" for unit Y: child \"B\""),
    BadInputCase(
        name: "a period without data", command: .score, extra: ["--period", "2030"], status: 1,
        stderr: "error: no data of criteria set \"tiny\" for period 2030 in the store store.sqlite; periods with data: 2024",
        place: "period 2030"),
]

/// Every case of the catalogue stops with its exact message, place and exit code, and leaves
/// the store's bytes as they were.
///
/// The store is compared byte for byte (the main file, and the `-wal` file if one is left).
/// This is stable because each in-process command closes its connection before it returns, and
/// SQLite's last close checkpoints the write-ahead log into the main file and deletes it: a
/// command that wrote nothing leaves both exactly as they were, while any committed write
/// (even one that a later write undid) changes the main file's change counter.
@Suite struct BadInputCatalogueTests {
    static let tiny = TwoPillarSet.criteria

    static let good = TwoPillarSet.observations + "\n"

    static let registry = "code,name,name_en,type\nX,Xuân Thủy,Xuan Thuy,province\nY,Yên Bái,Yen Bai,province\nZ,Zeta,Zeta,province\n"

    @Test("the catalogue has at least 40 cases with distinct names")
    func catalogueSize() {
        #expect(badInputCatalogue.count >= 40)
        #expect(Set(badInputCatalogue.map(\.name)).count == badInputCatalogue.count)
    }

    @Test(arguments: badInputCatalogue)
    func badInput(_ c: BadInputCase) throws {
        let tmp = try TemporaryFolder()
        defer { tmp.cleanUp() }
        try Self.tiny.write(toFile: tmp.path("tiny.yaml"), atomically: true, encoding: .utf8)
        try Self.good.write(toFile: tmp.path("good.csv"), atomically: true, encoding: .utf8)
        try Self.registry.write(toFile: tmp.path("reg.csv"), atomically: true, encoding: .utf8)
        try Self.tiny.replacingOccurrences(of: "name: {en: Tiny index}", with: "name: {en: Tiny index}\nunits: reg.csv")
            .write(toFile: tmp.path("regset.yaml"), atomically: true, encoding: .utf8)
        let db = tmp.path("store.sqlite")
        let baseline = cityindex(["import", "--criteria", tmp.path("tiny.yaml"), "--data", tmp.path("good.csv"), "--db", db])
        try #require(baseline.status == 0, "\(baseline.stderr)")

        let criteria: String
        switch c.criteria {
        case .tiny: criteria = tmp.path("tiny.yaml")
        case .withRegistry: criteria = tmp.path("regset.yaml")
        case .yaml(let text):
            criteria = tmp.path("set.yaml")
            try text.write(toFile: criteria, atomically: true, encoding: .utf8)
        case .table(let text):
            criteria = tmp.path("set.csv")
            try text.write(toFile: criteria, atomically: true, encoding: .utf8)
        case .missing: criteria = tmp.path("absent.yaml")
        }
        var arguments: [String]
        switch c.command {
        case .importData:
            arguments = ["import", "--criteria", criteria]
            if let data = c.data {
                try Data(data).write(to: tmp.url.appendingPathComponent("data.csv"))
                arguments += ["--data", tmp.path("data.csv")]
            } else if !c.extra.contains("--data") {
                arguments += ["--data", tmp.path("good.csv")]
            }
        case .score:
            arguments = ["score", "--criteria", criteria]
            if !c.extra.contains("--period") { arguments += ["--period", "2024"] }
        }
        for (i, a) in c.extra.enumerated() { arguments.append(i > 0 && c.extra[i - 1] == "--data" ? tmp.path(a) : a) }
        arguments += ["--db", db]

        let before = try StoreBytes(db)
        let run = cityindex(arguments)
        let after = try StoreBytes(db)

        #expect(run.status == c.status, "\(run.stderr)")
        // Messages read as a user in the case's folder would see them.
        var stderr = run.stderr.replacingOccurrences(of: tmp.url.path + "/", with: "")
        if stderr.hasSuffix("\n") { stderr.removeLast() }
        if c.firstLineOnly { stderr = String(stderr.split(separator: "\n", omittingEmptySubsequences: false).first ?? "") }
        #expect(stderr == c.stderr)
        #expect(stderr.contains(c.place), "the message must name \(c.place)")
        #expect(run.stdout.isEmpty || c.command == .score, "\(run.stdout)")
        #expect(after == before, "the store changed")
    }
}

/// The bytes of a store file and its write-ahead log.
struct StoreBytes: Equatable {
    let main: Data
    let wal: Data?

    init(_ path: String) throws {
        main = try Data(contentsOf: URL(fileURLWithPath: path))
        wal = FileManager.default.contents(atPath: path + "-wal")
    }
}
