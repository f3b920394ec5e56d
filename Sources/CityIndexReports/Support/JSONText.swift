import CityIndexCore
import CityIndexFormats
import Foundation

/// Tables of ``CSVCell``s as JSON, for the `--format json` of the commands that print CSV.
///
/// Each row becomes an object keyed by the table's column names, so the JSON holds the same
/// values as the CSV: text as strings, numbers as JSON numbers (rounded to the cell's decimals),
/// empty cells as `null`.
///
/// ```swift
/// let rows = JSONText.objects(header: ["unit", "score"], rows: [[.text("01"), .number(72.5, decimals: 2)], [.text("79"), .empty]])
/// print(JSONText.render(["rows": rows]))   // {"rows": [{"score": 72.5, "unit": "01"}, {"score": null, "unit": "79"}]}
/// ```
public enum JSONText {
    /// The value of one cell: a `String`, a `Double`, an `Int` or `NSNull` (also for a number
    /// that is not finite, which JSON cannot hold).
    public static func value(_ cell: CSVCell) -> Any {
        switch cell {
        case let .text(s): return s
        case let .number(d, decimals):
            guard d.isFinite else { return NSNull() }
            return decimals.map { Rounding.round(d, decimals: $0) } ?? d
        case let .integer(i): return i
        case .empty: return NSNull()
        }
    }

    /// One object per row, keyed by `header` (cells beyond the header are dropped, missing
    /// cells are `null`).
    /// - Complexity: O(cells).
    public static func objects(header: [String], rows: [[CSVCell]]) -> [[String: Any]] {
        rows.map { row in
            var object: [String: Any] = [:]
            for (k, name) in header.enumerated() { object[name] = k < row.count ? value(row[k]) : NSNull() }
            return object
        }
    }

    /// `document` as pretty-printed JSON with sorted keys and a final line end.
    public static func render(_ document: [String: Any]) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys]) else {
            return "{}\n"
        }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
