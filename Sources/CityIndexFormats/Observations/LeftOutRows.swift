/// The region and whole-country rows an observation file held, left out rather than read as
/// units (see ``RegionRowNames``).
///
/// Prints as one line: `left out 7 region and whole-country rows (lines 2, 3, 15, …): CẢ NƯỚC,
/// Đồng bằng sông Hồng, …`.
public struct LeftOutRows: Sendable, Hashable {
    /// How many rows were left out.
    public private(set) var count = 0
    /// The first runs of consecutive lines (rows of a sheet) left out, at most ``shown``.
    public private(set) var lines: [ClosedRange<Int>] = []
    /// The distinct names, in file order, at most ``shown``.
    public private(set) var names: [String] = []
    /// How many of the rows ``lines`` covers.
    private var listed = 0
    private var moreNames = false

    /// How many runs of lines and names the notice lists.
    public static let shown = 8

    /// No rows.
    public init() {}

    /// Whether no row was left out.
    public var isEmpty: Bool { count == 0 }

    /// Records a row on `line` named `name`.
    mutating func add(line: Int, name: String) {
        count += 1
        if let last = lines.last, last.upperBound + 1 == line, listed == count - 1 {
            lines[lines.count - 1] = last.lowerBound...line
            listed += 1
        } else if lines.count < Self.shown, listed == count - 1 {
            lines.append(line...line)
            listed += 1
        }
        guard !names.contains(name) else { return }
        if names.count < Self.shown { names.append(name) } else { moreNames = true }
    }

    /// The notice for `file` (and `sheet`, for a workbook), or nil when no row was left out.
    public func notice(file: String, sheet: String? = nil) -> String? {
        guard count > 0 else { return nil }
        let place = sheet.map { "\(file), sheet \"\($0)\"" } ?? file
        let word = sheet == nil ? (count == 1 ? "line" : "lines") : (count == 1 ? "row" : "rows")
        let more = count > listed ? " and \(count - listed) more" : ""
        let list = lines.map { $0.count == 1 ? "\($0.lowerBound)" : "\($0.lowerBound)-\($0.upperBound)" }.joined(separator: ", ")
        let what = count == 1 ? "row" : "rows"
        return "\(place): left out \(count) region and whole-country \(what), not units (\(word) \(list)\(more)): "
            + names.joined(separator: ", ") + (moreNames ? ", …" : "")
    }
}
