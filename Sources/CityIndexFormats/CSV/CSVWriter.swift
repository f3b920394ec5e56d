import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Builds a CSV file in memory in one of the ``CSVDialect``s, and writes it atomically.
///
/// Text cells starting with `=`, `+`, `-`, `@`, tab or CR get a leading `'` so spreadsheets do
/// not run them as formulas (OWASP advice); numeric cells are never changed. Fields holding the
/// delimiter, a quote, CR or LF are quoted.
///
/// ```swift
/// var writer = CSVWriter(dialect: .excelVi)
/// writer.writeHeader(["unit", "score"])
/// writer.writeRow([.text("HN"), .number(72.5, decimals: 2)])   // HN;72,50
/// try writer.write(toFile: "ranking.csv")
/// ```
public struct CSVWriter: Sendable {
    /// The dialect written.
    public let dialect: CSVDialect
    /// The bytes written so far (with the BOM first when the dialect has one).
    public private(set) var bytes: [UInt8] = []
    /// Fields written in the current row.
    private var fieldsInRow = 0

    /// Starts an empty file in `dialect`.
    public init(dialect: CSVDialect = .data) {
        self.dialect = dialect
        if dialect.writesByteOrderMark { bytes = [0xEF, 0xBB, 0xBF] }
    }

    /// A whole table in `dialect`: the header row of column names, then `rows`.
    ///
    /// ```swift
    /// CSVWriter(dialect: .data, header: ["unit", "score"], rows: [[.text("01"), .number(72.5, decimals: 2)]]).text
    /// // "unit,score\n01,72.50\n"
    /// ```
    /// - Complexity: O(total length of the cells).
    public init(dialect: CSVDialect, header: [String], rows: [[CSVCell]]) {
        self.init(dialect: dialect)
        writeHeader(header)
        for row in rows { writeRow(row) }
    }

    /// The bytes written so far as text (including the BOM character when present).
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends a header row of column names (written as text cells).
    public mutating func writeHeader(_ names: [String]) {
        writeRow(names.map { CSVCell.text($0) })
    }

    /// Appends one row and its line end.
    ///
    /// - Complexity: O(total length of the cells).
    public mutating func writeRow(_ cells: [CSVCell]) {
        for cell in cells { writeField(cell) }
        endRow()
    }

    /// Appends one field to the current row (the delimiter first unless it is the row's first):
    /// formatted, guarded and quoted exactly as ``field(_:dialect:)``, straight into the bytes.
    ///
    /// ```swift
    /// writer.writeField(.text("HN"))
    /// writer.writeField(.number(72.5, decimals: 2))
    /// writer.endRow()                                // HN,72.50
    /// ```
    /// - Complexity: O(length of the field).
    public mutating func writeField(_ cell: CSVCell) {
        if fieldsInRow > 0 { bytes.append(dialect.delimiter) }
        fieldsInRow += 1
        switch cell {
        case .empty:
            break
        case .integer(let value):
            CSVFieldBytes.appendInteger(value, to: &bytes)
        case .number(let value, let decimals):
            CSVFieldBytes.appendNumber(value, decimals: decimals, decimalComma: dialect.decimalComma, to: &bytes)
        case .text(let value):
            CSVFieldBytes.appendText(value, delimiter: dialect.delimiter, to: &bytes)
        }
    }

    /// Cells formatted once in `dialect` (joined by its delimiter), to be written many times
    /// with ``writeEncoded(_:count:)``: the repeated columns of a long table.
    public static func encode(_ cells: [CSVCell], dialect: CSVDialect) -> [UInt8] {
        var writer = CSVWriter(dialect: dialect)
        writer.bytes.removeAll()
        for cell in cells { writer.writeField(cell) }
        return writer.bytes
    }

    /// Appends `count` fields encoded by ``encode(_:dialect:)`` in this writer's dialect.
    public mutating func writeEncoded(_ fields: [UInt8], count: Int) {
        writeEncoded(fields, range: fields.indices, count: count)
    }

    /// Appends `count` fields encoded in this writer's dialect at `range` of `fields`: several
    /// groups of fields encoded into one array, each written many times.
    ///
    /// ```swift
    /// var groups: [UInt8] = []
    /// let ranges = nodes.map { node in
    ///     let start = groups.count
    ///     groups += CSVWriter.encode([.text(node.id), .integer(node.level)], dialect: writer.dialect)
    ///     return start..<groups.count
    /// }
    /// writer.writeEncoded(groups, range: ranges[k], count: 2)
    /// ```
    /// - Complexity: O(range.count).
    public mutating func writeEncoded(_ fields: [UInt8], range: Range<Int>, count: Int) {
        precondition(range.lowerBound >= 0 && range.upperBound <= fields.count, "range outside the encoded fields")
        if fieldsInRow > 0 { bytes.append(dialect.delimiter) }
        fields.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[range])) }
        fieldsInRow += count
    }

    /// Ends the current row with the dialect's line end.
    public mutating func endRow() {
        if dialect == .data {
            bytes.append(0x0A)
        } else {
            bytes.append(0x0D)
            bytes.append(0x0A)
        }
        fieldsInRow = 0
    }

    /// Reserves room for `count` more bytes.
    public mutating func reserveCapacity(_ count: Int) {
        bytes.reserveCapacity(bytes.count + count)
    }

    /// Hands the bytes written so far to `body` and forgets them (the buffer keeps its
    /// capacity): how a long file is streamed in chunks (``CSVFileStream``).
    public mutating func drain(_ body: ([UInt8]) throws(CSVWriteError) -> Void) throws(CSVWriteError) {
        defer { bytes.removeAll(keepingCapacity: true) }
        try body(bytes)
    }

    /// Writes the bytes to `path` atomically: to a temporary file in the same folder, then renamed over `path`.
    ///
    /// - Throws: ``CSVWriteError/cannotWrite(path:reason:)``; `path` is then left as it was.
    public func write(toFile path: String) throws(CSVWriteError) {
        let stream = try CSVFileStream(path: path)
        try stream.append(bytes)
        try stream.commit()
    }

    // MARK: - Fields

    /// The field as written in `dialect`: formatted, guarded and quoted as needed.
    public static func field(_ cell: CSVCell, dialect: CSVDialect) -> String {
        switch cell {
        case .empty:
            return ""
        case .integer(let value):
            return String(value)
        case .number(let value, let decimals):
            let text = format(value, decimals: decimals)
            return dialect.decimalComma ? text.replacingBytes { $0 == UInt8(ascii: ".") ? UInt8(ascii: ",") : $0 } : text
        case .text(let value):
            return quoted(guarded(value), delimiter: dialect.delimiter)
        }
    }

    /// Prefixes `'` to text starting with `=`, `+`, `-`, `@`, tab or CR, and to text that
    /// already looks guarded (`'` then one of those), so the reader's unguarding gives it back.
    static func guarded(_ text: String) -> String {
        needsGuard(text.utf8) ? "'" + text : text
    }

    /// Whether text gets the formula guard: after any number of `'` it starts with `=`, `+`, `-`,
    /// `@`, tab or CR. The reader drops one `'` from exactly such text, so every text reads back
    /// as written (`'=x` is written `''=x`, `''+` is written `'''+`).
    @inline(__always)
    static func needsGuard<C: Collection<UInt8>>(_ utf8: C) -> Bool {
        for b in utf8 {
            switch b {
            case UInt8(ascii: "'"): continue
            case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: return true
            default: return false
            }
        }
        return false
    }

    /// Quotes text holding the delimiter, a quote, CR or LF, doubling inner quotes.
    static func quoted(_ text: String, delimiter: UInt8) -> String {
        let needsQuotes = text.utf8.contains { $0 == delimiter || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }
        guard needsQuotes else { return text }
        var out: [UInt8] = [0x22]
        out.reserveCapacity(text.utf8.count + 2)
        for byte in text.utf8 {
            out.append(byte)
            if byte == 0x22 { out.append(0x22) }
        }
        out.append(0x22)
        return String(decoding: out, as: UTF8.self)
    }

    /// A number with a decimal point: fixed `decimals`, or the shortest round-trip text,
    /// in plain notation for magnitudes from 1e-6 to 1e16; empty for NaN and infinities; never `-0`.
    static func format(_ value: Double, decimals: Int?) -> String {
        guard value.isFinite else { return "" }
        if let decimals {
            let text = String(format: "%.\(min(max(decimals, 0), 17))f", value)
            if text.hasPrefix("-"), text.utf8.allSatisfy({ $0 == 0x2D || $0 == 0x30 || $0 == 0x2E }) {
                return String(text.dropFirst())
            }
            return text
        }
        if value == 0 { return "0" }
        let magnitude = abs(value)
        var text = magnitude.description
        // Most values have no exponent: check the bytes, not Characters.
        if !text.utf8.contains(where: { $0 == 0x65 || $0 == 0x45 }) {
            let u = text.utf8
            if u.count >= 2, u.last == 0x30, u[u.index(u.endIndex, offsetBy: -2)] == 0x2E {
                text = String(decoding: u.dropLast(2), as: UTF8.self)
            }
            return value < 0 ? "-" + text : text
        }
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            if magnitude >= 1e-6, magnitude < 1e16, let exponent = Int(text[text.index(after: e)...]) {
                text = plain(mantissa: String(text[..<e]), exponent: exponent)
            }
        } else if text.hasSuffix(".0") {
            text.removeLast(2)
        }
        return value < 0 ? "-" + text : text
    }

    /// `1.5` × 10^`exponent` written without an exponent.
    private static func plain(mantissa: String, exponent: Int) -> String {
        let point = mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) } ?? mantissa.count
        let digits = Array(mantissa.filter { $0 != "." })
        let newPoint = point + exponent
        var result: String
        if newPoint <= 0 {
            result = "0." + String(repeating: "0", count: -newPoint) + String(digits)
        } else if newPoint >= digits.count {
            result = String(digits) + String(repeating: "0", count: newPoint - digits.count)
        } else {
            result = String(digits[..<newPoint]) + "." + String(digits[newPoint...])
        }
        while result.contains("."), result.last == "0" { result.removeLast() }
        if result.last == "." { result.removeLast() }
        return result
    }
}
