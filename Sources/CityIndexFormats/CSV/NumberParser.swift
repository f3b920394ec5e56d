/// Parses CSV fields to numbers, recognising missing-value tokens and the usual mistakes.
///
/// Missing (returns `nil`): `""`, `NA`, `N/A`, `..`, `-`, `—` after trimming spaces.
/// Plain decimals (`12.5`, `-3`, `1e3`) give exactly what `Double(String)` gives. Marks are read
/// by the file's ``NumberConvention``: its decimal mark, and the thousands separator it declares
/// (with a decimal comma, `.` between thousands: `1.234,5`). A text the convention does not
/// cover is never guessed: `5,057` in a file with a decimal point is refused naming both
/// readings (5057, 5.057) and the option that selects each; `1,234.5` is refused unless the
/// file declares `,` between thousands. In a decimal-comma file a lone dot that cannot group
/// thousands is a decimal point (`12.5`, `0.125`).
///
/// ```swift
/// try NumberParser.parse("1.234,5", decimalComma: true)   // 1234.5
/// try NumberParser.parse("NA", decimalComma: false)       // nil
/// try NumberParser.parse("12%", decimalComma: false)      // throws NumberError.percent
/// try NumberParser.parse("5,057", convention: NumberConvention(decimalComma: false, thousandsSeparator: .comma))  // 5057
/// ```
///
/// - Complexity: O(n) in the length of the field; no allocation for plain ASCII numbers.
public enum NumberParser {
    /// Parses `text` with a decimal comma or point (a decimal comma implies `.` between
    /// thousands), or returns `nil` when it is a missing-value token.
    ///
    /// - Throws: ``NumberError`` saying why the text is not a number.
    public static func parse(_ text: String, decimalComma: Bool) throws(NumberError) -> Double? {
        try parse(text, convention: NumberConvention(decimalComma: decimalComma))
    }

    /// Parses `text` by the file's `convention`, or returns `nil` when it is a missing-value token.
    ///
    /// - Throws: ``NumberError`` saying why the text is not a number, or naming its readings.
    public static func parse(_ text: String, convention: NumberConvention) throws(NumberError) -> Double? {
        var text = text
        let result = text.withUTF8 { parse(bytes: $0, convention: convention) }
        switch result {
        case .success(let value): return value
        case .failure(let kind): throw kind.error(text)
        }
    }

    /// Why parsing failed, before the text is attached.
    enum Failure: Error {
        case percent, notFinite, decimalComma, notANumber
        case thousands(ThousandsSeparator)
        case ambiguous([NumberReading])

        func error(_ text: String) -> NumberError {
            switch self {
            case .percent: return .percent(text)
            case .notFinite: return .notFinite(text)
            case .decimalComma: return .decimalCommaWithoutDialect(text)
            case .thousands(let separator): return .thousandsSeparator(text, separator)
            case .ambiguous(let readings): return .ambiguous(text, readings: readings)
            case .notANumber: return .notANumber(text)
            }
        }
    }

    private static let dot = UInt8(ascii: ".")
    private static let comma = UInt8(ascii: ",")
    private static let space: UInt8 = 0x20

    /// Parses UTF-8 bytes; the core of ``parse(_:convention:)``.
    static func parse(bytes all: UnsafeBufferPointer<UInt8>, convention: NumberConvention) -> Result<Double?, Failure> {
        var lo = 0
        var hi = all.count
        while lo < hi, all[lo] == 0x20 || all[lo] == 0x09 { lo += 1 }
        while hi > lo, all[hi - 1] == 0x20 || all[hi - 1] == 0x09 { hi -= 1 }
        let b = UnsafeBufferPointer(rebasing: all[lo..<hi])
        if isMissing(b) { return .success(nil) }

        var dots = 0
        var marks = 0
        var wide = false
        var other = false
        for byte in b {
            if byte == dot {
                dots += 1
            } else if byte == comma || byte == space || byte >= 0x80 {
                marks += 1
                wide = wide || byte >= 0x80
            } else if !(isDigit(byte) || byte == 0x2B || byte == 0x2D || byte == 0x45 || byte == 0x65) {
                other = true
            }
        }
        if !other, marks == 0, !convention.decimalComma || dots == 0 {
            return finite(plainValue(b))
        }
        if other { return .failure(classifyOther(b)) }
        // Digits, signs, exponents, dots, commas, spaces and other non-ASCII bytes from here on.
        guard wide else { return read(marked: b, convention: convention) }
        guard let text = markedText(b) else { return .failure(classifyOther(b)) }
        return text.withUnsafeBufferPointer { read(marked: $0, convention: convention) }
    }

    /// `b` with no-break spaces (U+00A0, U+202F) as `0x20`; nil when it holds any other non-ASCII character.
    private static func markedText(_ b: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            let byte = b[i]
            if byte < 0x80 {
                out.append(byte)
                i += 1
            } else if byte == 0xC2, i + 1 < b.count, b[i + 1] == 0xA0 {
                out.append(space)
                i += 2
            } else if byte == 0xE2, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0xAF {
                out.append(space)
                i += 3
            } else {
                return nil
            }
        }
        return out
    }

    /// Reads a text of digits, signs, exponents and marks (`.` `,` space) by `convention`.
    private static func read(marked t: UnsafeBufferPointer<UInt8>, convention: NumberConvention) -> Result<Double?, Failure> {
        let grouping = convention.grouping
        // The common case first, without the other readings: the text reads by the convention,
        // grouped only as it declares (`12,5` with a decimal comma, `5,057` with ',' declared).
        let mark = convention.decimalComma ? comma : dot
        if let own = reading(of: t, decimal: mark, separator: grouping, fileDecimalComma: convention.decimalComma, spelled: false),
            own.separator == nil || convention.declaresGrouping
        {
            return own.value.isFinite ? .success(own.value) : .failure(.notFinite)
        }
        let readings = self.readings(of: t, fileDecimalComma: convention.decimalComma)
        let own = readings.first {
            ($0.decimalComma == nil || $0.decimalComma == convention.decimalComma)
                && ($0.separator == nil || $0.separator == grouping)
        }
        if let own {
            // Grouping that only a sniffed decimal comma implies decides nothing when the text
            // reads otherwise too (`1.234` in a ';' file: 1234 or 1.234).
            if own.separator != nil, !convention.declaresGrouping, readings.contains(where: { $0.value != own.value }) {
                return .failure(.ambiguous(readings))
            }
            return own.value.isFinite ? .success(own.value) : .failure(.notFinite)
        }
        guard let first = readings.first else { return .failure(.notANumber) }
        if readings.contains(where: { $0.value != first.value }) { return .failure(.ambiguous(readings)) }
        if !first.value.isFinite { return .failure(.notFinite) }
        if convention.decimalComma {
            // A lone decimal point, which cannot group thousands.
            if first.decimalComma == false, first.separator == nil { return .success(first.value) }
        } else if first.decimalComma == true {
            return .failure(.decimalComma)
        }
        if let separator = first.separator, first.decimalComma == nil || first.decimalComma == convention.decimalComma {
            return .failure(.thousands(separator))
        }
        return .failure(.notANumber)
    }

    /// Every way to read `t` with a decimal mark (`.` or `,`) and at most one thousands
    /// separator, each kept once by the marks it uses: the point first, then the comma; no
    /// separator, then `,`, `.` and space.
    static func readings(of t: UnsafeBufferPointer<UInt8>, fileDecimalComma: Bool) -> [NumberReading] {
        var out: [NumberReading] = []
        for decimal in [dot, comma] {
            for separator in [nil, ThousandsSeparator.comma, .dot, .space] where separator?.byte != decimal {
                guard let reading = reading(of: t, decimal: decimal, separator: separator, fileDecimalComma: fileDecimalComma)
                else { continue }
                if !out.contains(where: { $0.decimalComma == reading.decimalComma && $0.separator == reading.separator }) {
                    out.append(reading)
                }
            }
        }
        return out
    }

    /// `t` read with `decimal` as the decimal mark and `separator` between thousands (in the
    /// integer part only, `d{1,3}(sep d{3})+` not starting with 0); nil when it does not read so.
    ///
    /// `spelled: false` leaves ``NumberReading/written`` empty (no text is made).
    private static func reading(
        of t: UnsafeBufferPointer<UInt8>, decimal: UInt8, separator: ThousandsSeparator?, fileDecimalComma: Bool,
        spelled: Bool = true
    ) -> NumberReading? {
        let sep = separator?.byte
        let mantissaEnd = t.firstIndex { $0 == 0x45 || $0 == 0x65 } ?? t.count
        var decimalAt: Int?
        var usesSeparator = false
        for i in 0..<t.count {
            let byte = t[i]
            guard byte == dot || byte == comma || byte == space else { continue }
            if i >= mantissaEnd { return nil }
            if byte == decimal {
                if decimalAt != nil { return nil }
                decimalAt = i
            } else if byte == sep {
                if decimalAt != nil { return nil }
                usesSeparator = true
            } else {
                return nil
            }
        }
        if usesSeparator, let sep, !isThousandsGrouped(t, upTo: decimalAt ?? mantissaEnd, separator: sep) { return nil }
        var normal: [UInt8] = []
        normal.reserveCapacity(t.count)
        for byte in t where byte != sep || !usesSeparator {
            normal.append(byte == decimal ? dot : byte)
        }
        guard let parsed = normal.withUnsafeBufferPointer({ plainValue($0) }), let value = parsed else { return nil }
        let mark = fileDecimalComma ? comma : dot
        let written = spelled ? String(decoding: normal.map { $0 == dot ? mark : $0 }, as: UTF8.self) : ""
        return NumberReading(
            value: value, written: written, decimalComma: decimalAt.map { _ in decimal == comma },
            separator: usesSeparator ? separator : nil, fileDecimalComma: fileDecimalComma)
    }

    private static func finite(_ value: Double??) -> Result<Double?, Failure> {
        guard let parsed = value, let v = parsed else { return .failure(.notANumber) }
        return v.isFinite ? .success(v) : .failure(.notFinite)
    }

    @inline(__always)
    private static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }

    /// `""`, `NA`, `N/A`, `..`, `-`, `—` (any case).
    private static func isMissing(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        switch b.count {
        case 0: return true
        case 1: return b[0] == 0x2D
        case 2: return (b[0] | 0x20 == 0x6E && b[1] | 0x20 == 0x61) || (b[0] == dot && b[1] == dot)
        case 3:
            return (b[0] | 0x20 == 0x6E && b[1] == 0x2F && b[2] | 0x20 == 0x61)
                || (b[0] == 0xE2 && b[1] == 0x80 && (b[2] == 0x94 || b[2] == 0x93))
        default: return false
        }
    }

    /// Percent, non-finite words, or not a number.
    private static func classifyOther(_ b: UnsafeBufferPointer<UInt8>) -> Failure {
        if b.last == UInt8(ascii: "%") { return .percent }
        var word = b[...]
        if let first = word.first, first == 0x2B || first == 0x2D { word = word.dropFirst() }
        let lower = String(decoding: word.map { $0 | 0x20 }, as: UTF8.self)
        if lower == "nan" || lower == "inf" || lower == "infinity" { return .notFinite }
        return .notANumber
    }

    /// Whether `b[0..<end]` (after an optional sign) is `d{1,3}(sep d{3})*`, not starting with `0`.
    private static func isThousandsGrouped(_ b: UnsafeBufferPointer<UInt8>, upTo end: Int, separator: UInt8) -> Bool {
        var i = 0
        if i < end, b[i] == 0x2B || b[i] == 0x2D { i += 1 }
        guard i < end, b[i] != 0x30 else { return false }
        var run = 0
        var first = true
        while i < end {
            let byte = b[i]
            if byte == separator {
                guard first ? (1...3).contains(run) : run == 3 else { return false }
                first = false
                run = 0
            } else if isDigit(byte) {
                run += 1
            } else {
                return false
            }
            i += 1
        }
        return !first && run == 3
    }

    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// `[+-]digits[.digits][(e|E)[+-]digits]`, correctly rounded; the outer `nil` when the grammar fails.
    static func plainValue(_ b: UnsafeBufferPointer<UInt8>) -> Double?? {
        var i = 0
        let n = b.count
        var negative = false
        if i < n, b[i] == 0x2B || b[i] == 0x2D {
            negative = b[i] == 0x2D
            i += 1
        }
        var mantissa: UInt64 = 0
        var significant = 0
        var digitCount = 0
        var scale = 0
        while i < n, isDigit(b[i]) {
            digitCount += 1
            if mantissa != 0 || b[i] != 0x30 {
                if significant < 19 { mantissa = mantissa * 10 + UInt64(b[i] - 0x30) } else { scale += 1 }
                significant += 1
            }
            i += 1
        }
        if i < n, b[i] == dot {
            i += 1
            while i < n, isDigit(b[i]) {
                digitCount += 1
                if mantissa != 0 || b[i] != 0x30 {
                    if significant < 19 {
                        mantissa = mantissa * 10 + UInt64(b[i] - 0x30)
                        scale -= 1
                    }
                    significant += 1
                } else {
                    scale -= 1
                }
                i += 1
            }
        }
        guard digitCount > 0 else { return nil }
        var exponent = 0
        if i < n, b[i] == 0x45 || b[i] == 0x65 {
            i += 1
            var expNegative = false
            if i < n, b[i] == 0x2B || b[i] == 0x2D {
                expNegative = b[i] == 0x2D
                i += 1
            }
            var expDigits = 0
            while i < n, isDigit(b[i]) {
                if exponent < 100_000 { exponent = exponent * 10 + Int(b[i] - 0x30) }
                expDigits += 1
                i += 1
            }
            guard expDigits > 0 else { return nil }
            if expNegative { exponent = -exponent }
        }
        guard i == n else { return nil }
        let power = scale + exponent
        if significant <= 15, mantissa < (1 << 53), abs(power) <= 22 || mantissa == 0 {
            var value = Double(mantissa)
            if mantissa != 0 {
                value = power < 0 ? value / powersOfTen[-power] : value * powersOfTen[power]
            }
            return .some(negative ? -value : value)
        }
        return .some(Double(String(decoding: b, as: UTF8.self)))
    }
}
