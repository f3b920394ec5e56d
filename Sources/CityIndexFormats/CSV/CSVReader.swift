import Foundation

/// A fast, streaming RFC 4180 reader working on bytes.
///
/// Reads a file in fixed-size chunks (memory does not grow with the file: only the current
/// chunk and the current record are kept), or bytes already in memory. Handles a UTF-8 BOM at
/// the start, CRLF, LF and lone CR line ends, quoted fields with `""` escapes and embedded
/// delimiters or line breaks, and skips blank lines. Fields holding non-ASCII text are
/// validated as UTF-8 and NFC-normalised.
///
/// ```swift
/// var reader = try CSVReader(path: "data.csv")
/// let header = try reader.nextRecord()
/// while let record = try reader.nextRecord() {
///     try record.checkFieldCount(header?.fields.count ?? 0, file: reader.file)
///     print(record.line, record.fields)
/// }
/// ```
///
/// - Complexity: O(n) in the size of the input; memory O(chunk size + record size).
public struct CSVReader {
    /// The file name used in errors.
    public let file: String
    /// The delimiter in use (given, or sniffed from the header line).
    public let delimiter: UInt8
    /// Whether numbers in this file use a decimal comma (given, implied by a declared thousands
    /// separator, or `true` exactly when the delimiter is `;`).
    public let decimalComma: Bool
    /// How numbers in this file are read: the decimal mark and the declared thousands separator.
    public let numberConvention: NumberConvention
    /// The options the reader was made with.
    public let options: CSVReadOptions

    private let source: CSVFileSource?
    private var buffer: [UInt8]
    private var pos = 0
    private var end: Int
    private var atEOF: Bool
    /// Absolute byte offset of `buffer[0]` in the input.
    private var base = 0
    private var line = 1
    /// Absolute byte offset of the current line's first byte.
    private var lineStart = 0
    /// Bytes after the first in the multi-byte characters seen on the current line.
    private var extraBytesInLine = 0
    private var fieldBytes: [UInt8] = []
    private var recordCount = 0
    private var lastFieldCount = 8

    private static let quote = UInt8(ascii: "\"")
    private static let cr: UInt8 = 0x0D
    private static let lf: UInt8 = 0x0A

    /// Opens the file at `path`, reading it chunk by chunk.
    ///
    /// - Throws: ``CSVError/cannotRead(file:reason:)``, ``CSVError/unsupportedDelimiter(file:byte:)``
    ///   or ``CSVError/conflictingNumberConvention(file:decimalComma:separator:)``.
    public init(path: String, options: CSVReadOptions = CSVReadOptions()) throws(CSVError) {
        let source = try CSVFileSource(path: path)
        let size = max(options.chunkSize, 16)
        var buffer = [UInt8](repeating: 0, count: size)
        var end = 0
        var atEOF = false
        while end < size {
            let got = try source.read(into: &buffer, at: end, count: size - end, file: path)
            if got == 0 {
                atEOF = true
                break
            }
            end += got
        }
        try self.init(file: path, source: source, buffer: buffer, end: end, atEOF: atEOF, options: options)
    }

    /// Reads CSV from bytes in memory; `name` is the file name used in errors.
    ///
    /// - Throws: ``CSVError/unsupportedDelimiter(file:byte:)``.
    public init(bytes: [UInt8], name: String, options: CSVReadOptions = CSVReadOptions()) throws(CSVError) {
        try self.init(file: name, source: nil, buffer: bytes, end: bytes.count, atEOF: true, options: options)
    }

    private init(
        file: String, source: CSVFileSource?, buffer: [UInt8], end: Int, atEOF: Bool, options: CSVReadOptions
    ) throws(CSVError) {
        self.file = file
        self.source = source
        self.buffer = buffer
        self.end = end
        self.atEOF = atEOF
        self.options = options
        if end >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF {
            pos = 3
            lineStart = 3
        }
        let delimiter = options.delimiter ?? Self.sniffDelimiter(buffer, from: pos, to: end)
        guard delimiter != Self.quote, delimiter != Self.cr, delimiter != Self.lf, delimiter != 0,
            delimiter < 0x80
        else {
            throw CSVError.unsupportedDelimiter(file: file, byte: delimiter)
        }
        self.delimiter = delimiter
        numberConvention = try options.numberConvention(delimiter: delimiter, file: file)
        decimalComma = numberConvention.decimalComma
    }

    /// The most frequent of `,` `;` and tab outside quotes on the first line; `,` when none or tied.
    static func sniffDelimiter(_ bytes: [UInt8], from start: Int, to end: Int) -> UInt8 {
        var comma = 0
        var semicolon = 0
        var tab = 0
        var inQuotes = false
        var i = start
        while i < end {
            let b = bytes[i]
            if b == quote {
                inQuotes.toggle()
            } else if !inQuotes {
                if b == lf || b == cr {
                    if i > start { break }
                } else if b == UInt8(ascii: ",") {
                    comma += 1
                } else if b == UInt8(ascii: ";") {
                    semicolon += 1
                } else if b == 0x09 {
                    tab += 1
                }
            }
            i += 1
        }
        if semicolon > comma, semicolon >= tab { return UInt8(ascii: ";") }
        if tab > comma, tab > semicolon { return 0x09 }
        return UInt8(ascii: ",")
    }

    /// Reads every remaining record.
    ///
    /// - Complexity: O(n); memory grows with the number of records, so prefer ``nextRecord()`` for big files.
    public mutating func readAll() throws(CSVError) -> [CSVRecord] {
        var records: [CSVRecord] = []
        while let record = try nextRecord() { records.append(record) }
        return records
    }

    /// Reads the next record, or returns `nil` at the end of the input. Blank lines are skipped.
    ///
    /// - Throws: ``CSVError`` at the place of the first problem; ``CSVError/emptyFile(file:)``
    ///   when the input holds no record at all.
    public mutating func nextRecord() throws(CSVError) -> CSVRecord? {
        while true {
            guard try ensure(1) else {
                if recordCount == 0 { throw CSVError.emptyFile(file: file) }
                return nil
            }
            let b = buffer[pos]
            guard b == Self.cr || b == Self.lf else { break }
            try consumeLineBreak()
        }
        var fields: [String] = []
        var positions: [CSVPosition] = []
        fields.reserveCapacity(lastFieldCount)
        positions.reserveCapacity(lastFieldCount)
        while true {
            let start = CSVPosition(line: line, column: column(at: pos))
            if fields.count >= options.maxColumns {
                throw CSVError.tooManyColumns(
                    file: file, line: start.line, column: start.column, limit: options.maxColumns)
            }
            if let (field, endOfRecord) = try fastField(start: start) {
                fields.append(options.removesFormulaGuard ? Self.unguarded(field) : field)
                positions.append(start)
                if endOfRecord { break }
                continue
            }
            fieldBytes.removeAll(keepingCapacity: true)
            var nonASCII = false
            let endOfRecord: Bool
            if try ensure(1), buffer[pos] == Self.quote {
                nonASCII = try readQuotedField(start: start)
                endOfRecord = try finishQuotedField()
            } else {
                (nonASCII, endOfRecord) = try readUnquotedField(start: start)
            }
            let field = makeString(nonASCII: nonASCII)
            fields.append(options.removesFormulaGuard ? Self.unguarded(field) : field)
            positions.append(start)
            if endOfRecord { break }
        }
        recordCount += 1
        lastFieldCount = fields.count
        return CSVRecord(fields: fields, positions: positions)
    }

    // MARK: - Plain records

    /// Hands the next record to `body` without copying it, when the record is plain; returns
    /// whether the record was read.
    ///
    /// A plain record has exactly `fieldCount` fields of unquoted printable ASCII (no `"`, no
    /// byte from 0x80, no NUL, and no leading `'` when ``CSVReadOptions/removesFormulaGuard``
    /// is set), is not a blank line, and ends with a line end (or the input) inside the bytes
    /// already buffered. Its fields are then exactly what ``nextRecord()`` would give. When the
    /// record is not plain, or `body` returns `false` (it leaves this record to the general
    /// path), nothing is consumed: ``nextRecord()`` reads it next, with its checks and errors.
    ///
    /// - Complexity: O(record length); no allocation and no read from the file (a record that
    ///   crosses the end of the buffer is not plain).
    mutating func nextPlainRecord(fieldCount: Int, _ body: (PlainRecord) -> Bool) -> Bool {
        guard fieldCount > 0, fieldCount <= options.maxColumns, pos < end else { return false }
        let first = buffer[pos]
        guard first != Self.cr, first != Self.lf else { return false }
        let start = pos
        let stop = end
        let eof = atEOF
        let d = delimiter
        let limit = options.maxFieldBytes
        let checksGuard = options.removesFormulaGuard
        let line = line
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: fieldCount + 1) { starts -> Bool in
            // (index after the record, whether a line end was consumed), or nil when not plain.
            let scanned: (next: Int, endsLine: Bool)? = buffer.withUnsafeBufferPointer { p in
                var i = start
                for k in 0..<fieldCount {
                    starts[k] = i
                    let fieldStart = i
                    i = Self.plainRun(p, from: i, to: stop, delimiter: d)
                    if i - fieldStart > limit { return nil }
                    if checksGuard, i > fieldStart, p[fieldStart] == UInt8(ascii: "'") { return nil }
                    if k < fieldCount - 1 {
                        guard i < stop, p[i] == d else { return nil }
                        i += 1
                        continue
                    }
                    starts[fieldCount] = i + 1
                    guard i < stop else { return eof ? (i, false) : nil }
                    switch p[i] {
                    case Self.lf: return (i + 1, true)
                    case Self.cr:
                        if i + 1 < stop { return (p[i + 1] == Self.lf ? i + 2 : i + 1, true) }
                        return eof ? (i + 1, true) : nil
                    default: return nil
                    }
                }
                return nil
            }
            guard let scanned else { return false }
            let taken = buffer.withUnsafeBufferPointer { p in
                body(PlainRecord(buffer: p, starts: UnsafeBufferPointer(starts), line: line))
            }
            guard taken else { return false }
            pos = scanned.next
            if scanned.endsLine { startNewLine() }
            recordCount += 1
            lastFieldCount = fieldCount
            return true
        }
    }

    // MARK: - Fields

    /// `text` without the `'` that guards a text cell starting with `=`, `+`, `-`, `@`, tab or CR
    /// (the reverse of ``CSVWriter``'s guard); other text unchanged.
    @inline(__always)
    public static func unguarded(_ text: String) -> String {
        // `''=x` is the guarded form of the text `'=x` (see ``CSVWriter/needsGuard(_:)``).
        guard text.utf8.first == UInt8(ascii: "'"), CSVWriter.needsGuard(text.utf8) else { return text }
        return String(text.dropFirst())
    }

    /// The common case without copying: a plain-ASCII field (quoted or not, without `""`) that
    /// ends inside the buffer. Returns (field, end of record), or `nil` to take the general path.
    @inline(__always)
    private mutating func fastField(start: CSVPosition) throws(CSVError) -> (String, Bool)? {
        guard pos < end else { return atEOF ? ("", true) : nil }
        let quoted = buffer[pos] == Self.quote
        let first = quoted ? pos + 1 : pos
        let stop = quoted ? scanQuoted(from: first) : scanUnquoted(from: first)
        var next = stop
        if quoted {
            // The closing quote, then a delimiter, a line end or the end of the input.
            guard stop < end, buffer[stop] == Self.quote else { return nil }
            next = stop + 1
            guard next < end || atEOF else { return nil }
            if next < end, buffer[next] == Self.quote { return nil }
        } else {
            guard stop < end || atEOF else { return nil }
        }
        let terminator: UInt8? = next < end ? buffer[next] : nil
        if let terminator, terminator != delimiter, terminator != Self.cr, terminator != Self.lf {
            if quoted {
                throw CSVError.textAfterClosingQuote(file: file, line: line, column: column(at: next))
            }
            return nil
        }
        guard stop - first <= options.maxFieldBytes else {
            throw CSVError.fieldTooLong(
                file: file, line: start.line, column: start.column, limit: options.maxFieldBytes)
        }
        let field = buffer.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[first..<stop]), as: UTF8.self)
        }
        pos = next
        guard let terminator else { return (field, true) }
        if terminator == delimiter {
            pos += 1
            return (field, false)
        }
        try consumeLineBreak()
        return (field, true)
    }

    /// Reads an unquoted field up to its delimiter or line end; returns (non-ASCII seen, end of record).
    private mutating func readUnquotedField(start: CSVPosition) throws(CSVError) -> (Bool, Bool) {
        var nonASCII = false
        while true {
            guard try ensure(1) else { return (nonASCII, true) }
            let stop = scanUnquoted(from: pos)
            if stop > pos {
                try appendRun(stop, start: start)
                continue
            }
            let b = buffer[pos]
            if b == delimiter {
                pos += 1
                return (nonASCII, false)
            }
            switch b {
            case Self.cr, Self.lf:
                try consumeLineBreak()
                return (nonASCII, true)
            case Self.quote:
                throw CSVError.quoteInUnquotedField(file: file, line: line, column: column(at: pos))
            case 0:
                throw CSVError.nulByte(file: file, line: line, column: column(at: pos))
            default:
                try takeNonASCII(start: start)
                nonASCII = true
            }
        }
    }

    /// Reads a quoted field from its opening quote through its closing quote; returns whether non-ASCII was seen.
    private mutating func readQuotedField(start: CSVPosition) throws(CSVError) -> Bool {
        var nonASCII = false
        pos += 1
        while true {
            guard try ensure(1) else {
                throw CSVError.unclosedQuote(file: file, line: start.line, column: start.column)
            }
            let stop = scanQuoted(from: pos)
            if stop > pos {
                try appendRun(stop, start: start)
                continue
            }
            let b = buffer[pos]
            switch b {
            case Self.quote:
                if try ensure(2), buffer[pos + 1] == Self.quote {
                    try appendByte(Self.quote, start: start)
                    pos += 2
                } else {
                    pos += 1
                    return nonASCII
                }
            case Self.cr:
                try appendByte(Self.cr, start: start)
                pos += 1
                if try ensure(1), buffer[pos] == Self.lf {
                    try appendByte(Self.lf, start: start)
                    pos += 1
                }
                startNewLine()
            case Self.lf:
                try appendByte(Self.lf, start: start)
                pos += 1
                startNewLine()
            case 0:
                throw CSVError.nulByte(file: file, line: line, column: column(at: pos))
            default:
                try takeNonASCII(start: start)
                nonASCII = true
            }
        }
    }

    /// After a closing quote: consumes the delimiter or line end; returns whether the record ends.
    private mutating func finishQuotedField() throws(CSVError) -> Bool {
        guard try ensure(1) else { return true }
        let b = buffer[pos]
        if b == delimiter {
            pos += 1
            return false
        }
        if b == Self.cr || b == Self.lf {
            try consumeLineBreak()
            return true
        }
        throw CSVError.textAfterClosingQuote(file: file, line: line, column: column(at: pos))
    }

    /// The index of the first byte from `start` that ends a run of plain ASCII in an unquoted field.
    @inline(__always)
    private func scanUnquoted(from start: Int) -> Int {
        let d = delimiter
        let e = end
        return buffer.withUnsafeBufferPointer { p in Self.plainRun(p, from: start, to: e, delimiter: d) }
    }

    /// The index of the first byte in `p[start..<stop]` that is not plain ASCII field text: a
    /// delimiter, quote, line end, NUL or non-ASCII byte (or `stop`).
    @inline(__always)
    static func plainRun(_ p: UnsafeBufferPointer<UInt8>, from start: Int, to stop: Int, delimiter d: UInt8) -> Int {
        var i = start
        while i < stop {
            let b = p[i]
            if b > 0x22 {
                if b >= 0x80 || b == d { break }
            } else if b == 0x22 || b == 0x0A || b == 0x0D || b == 0 || b == d {
                break
            }
            i += 1
        }
        return i
    }

    /// The index of the first byte from `start` that ends a run of plain ASCII in a quoted field.
    @inline(__always)
    private func scanQuoted(from start: Int) -> Int {
        let e = end
        return buffer.withUnsafeBufferPointer { p in
            var i = start
            while i < e {
                let b = p[i]
                if b > 0x22 {
                    if b >= 0x80 { break }
                } else if b == 0x22 || b == 0x0A || b == 0x0D || b == 0 {
                    break
                }
                i += 1
            }
            return i
        }
    }

    @inline(__always)
    private mutating func appendRun(_ stop: Int, start: CSVPosition) throws(CSVError) {
        guard fieldBytes.count + (stop - pos) <= options.maxFieldBytes else {
            throw CSVError.fieldTooLong(
                file: file, line: start.line, column: start.column, limit: options.maxFieldBytes)
        }
        fieldBytes.append(contentsOf: buffer[pos..<stop])
        pos = stop
    }

    @inline(__always)
    private mutating func appendByte(_ byte: UInt8, start: CSVPosition) throws(CSVError) {
        guard fieldBytes.count < options.maxFieldBytes else {
            throw CSVError.fieldTooLong(
                file: file, line: start.line, column: start.column, limit: options.maxFieldBytes)
        }
        fieldBytes.append(byte)
    }

    /// Validates and appends the multi-byte UTF-8 character at `pos`.
    private mutating func takeNonASCII(start: CSVPosition) throws(CSVError) {
        _ = try ensure(4)
        let available = end - pos
        let lead = buffer[pos]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: length = 0
        }
        var valid = length > 0 && available >= length
        if valid {
            let second = buffer[pos + 1]
            valid = second >= low && second <= high
            var k = 2
            while valid, k < length {
                valid = buffer[pos + k] & 0xC0 == 0x80
                k += 1
            }
        }
        guard valid else {
            throw CSVError.invalidUTF8(file: file, line: line, column: column(at: pos))
        }
        if lead == 0xEF, buffer[pos + 1] == 0xBB, buffer[pos + 2] == 0xBF {
            throw CSVError.misplacedByteOrderMark(file: file, line: line, column: column(at: pos))
        }
        guard fieldBytes.count + length <= options.maxFieldBytes else {
            throw CSVError.fieldTooLong(
                file: file, line: start.line, column: start.column, limit: options.maxFieldBytes)
        }
        fieldBytes.append(contentsOf: buffer[pos..<(pos + length)])
        pos += length
        extraBytesInLine += length - 1
    }

    private func makeString(nonASCII: Bool) -> String {
        let text = String(decoding: fieldBytes, as: UTF8.self)
        guard nonASCII, !Self.isSurelyNFC(fieldBytes) else { return text }
        return text.precomposedStringWithCanonicalMapping
    }

    /// Whether validated UTF-8 `bytes` hold only scalars that are NFC-stable and never combine
    /// (below U+0300, Latin Extended Additional U+1E00-U+1EFF as in Vietnamese, common
    /// punctuation U+2010-U+2027 and currency signs U+20A0-U+20BF): such text needs no normalising.
    static func isSurelyNFC(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { p in
            var i = 0
            let n = p.count
            while i < n {
                let b = p[i]
                if b < 0x80 {
                    i += 1
                } else if b < 0xE0 {
                    // Two bytes: U+0080-U+07FF; below U+0300 exactly when the lead is below 0xCC.
                    guard b < 0xCC else { return false }
                    i += 2
                } else if b < 0xF0, i + 2 < n {
                    let scalar = (UInt32(b & 0x0F) << 12) | (UInt32(p[i + 1] & 0x3F) << 6) | UInt32(p[i + 2] & 0x3F)
                    guard (0x1E00...0x1EFF).contains(scalar) || (0x2010...0x2027).contains(scalar)
                        || (0x20A0...0x20BF).contains(scalar)
                    else { return false }
                    i += 3
                } else {
                    return false
                }
            }
            return true
        }
    }

    // MARK: - Lines and buffer

    /// The 1-based character column of buffer index `index` on the current line.
    @inline(__always)
    private func column(at index: Int) -> Int {
        base + index - lineStart - extraBytesInLine + 1
    }

    /// Consumes CRLF, LF or a lone CR at `pos` and starts a new line.
    private mutating func consumeLineBreak() throws(CSVError) {
        if buffer[pos] == Self.cr {
            pos += 1
            if try ensure(1), buffer[pos] == Self.lf { pos += 1 }
        } else {
            pos += 1
        }
        startNewLine()
    }

    @inline(__always)
    private mutating func startNewLine() {
        line += 1
        lineStart = base + pos
        extraBytesInLine = 0
    }

    /// Whether at least `n` bytes are available from `pos`, reading more from the file when needed.
    @inline(__always)
    private mutating func ensure(_ n: Int) throws(CSVError) -> Bool {
        if end - pos >= n { return true }
        return try refill(n)
    }

    private mutating func refill(_ n: Int) throws(CSVError) -> Bool {
        guard let source, !atEOF else { return end - pos >= n }
        let remaining = end - pos
        for i in 0..<remaining { buffer[i] = buffer[pos + i] }
        base += pos
        end = remaining
        pos = 0
        while end < n {
            let got = try source.read(into: &buffer, at: end, count: buffer.count - end, file: file)
            if got == 0 {
                atEOF = true
                break
            }
            end += got
        }
        return end - pos >= n
    }
}
