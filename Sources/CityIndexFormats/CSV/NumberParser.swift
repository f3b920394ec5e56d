/// Parses CSV fields to numbers, recognising missing-value tokens and the usual mistakes.
///
/// Missing (returns `nil`): `""`, `NA`, `N/A`, `..`, `-`, `—` after trimming spaces.
/// Plain decimals (`12.5`, `-3`, `1e3`) give exactly what `Double(String)` gives. With a decimal
/// comma, `12,5` and `1.234,5` are read; dots are then thousands separators when they group
/// digits by three (`1.234` is 1234), and a decimal point otherwise (`12.5`, `0.125`).
///
/// ```swift
/// try NumberParser.parse("1.234,5", decimalComma: true)   // 1234.5
/// try NumberParser.parse("NA", decimalComma: false)       // nil
/// try NumberParser.parse("12%", decimalComma: false)      // throws NumberError.percent
/// ```
///
/// - Complexity: O(n) in the length of the field; no allocation for plain ASCII numbers.
public enum NumberParser {
    /// Parses `text`, or returns `nil` when it is a missing-value token.
    ///
    /// - Throws: ``NumberError`` saying why the text is not a number.
    public static func parse(_ text: String, decimalComma: Bool) throws(NumberError) -> Double? {
        var text = text
        let result = text.withUTF8 { parse(bytes: $0, decimalComma: decimalComma) }
        switch result {
        case .success(let value): return value
        case .failure(let kind): throw kind.error(text)
        }
    }

    /// Why parsing failed, before the text is attached.
    enum Failure: Error {
        case percent, notFinite, decimalComma, thousands, notANumber

        func error(_ text: String) -> NumberError {
            switch self {
            case .percent: return .percent(text)
            case .notFinite: return .notFinite(text)
            case .decimalComma: return .decimalCommaWithoutDialect(text)
            case .thousands: return .thousandsSeparator(text)
            case .notANumber: return .notANumber(text)
            }
        }
    }

    private static let dot = UInt8(ascii: ".")
    private static let comma = UInt8(ascii: ",")

    /// Parses UTF-8 bytes; the core of ``parse(_:decimalComma:)``.
    static func parse(bytes all: UnsafeBufferPointer<UInt8>, decimalComma: Bool) -> Result<Double?, Failure> {
        var lo = 0
        var hi = all.count
        while lo < hi, all[lo] == 0x20 || all[lo] == 0x09 { lo += 1 }
        while hi > lo, all[hi - 1] == 0x20 || all[hi - 1] == 0x09 { hi -= 1 }
        let b = UnsafeBufferPointer(rebasing: all[lo..<hi])
        if isMissing(b) { return .success(nil) }

        var dots = 0
        var commas = 0
        var other = false
        for byte in b {
            if byte == dot {
                dots += 1
            } else if byte == comma {
                commas += 1
            } else if !(isDigit(byte) || byte == 0x2B || byte == 0x2D || byte == 0x45 || byte == 0x65) {
                other = true
            }
        }
        if !other, commas == 0, !decimalComma || dots == 0 {
            return finite(plainValue(b))
        }
        if other { return .failure(classifyOther(b)) }
        // Only digits, signs, exponents, dots and commas from here on.
        var normal: [UInt8] = []
        normal.reserveCapacity(b.count)
        if decimalComma {
            guard commas <= 1 else { return .failure(.notANumber) }
            let commaIndex = b.firstIndex(of: comma)
            let mantissaEnd = b.firstIndex { $0 == 0x45 || $0 == 0x65 } ?? b.count
            if let c = commaIndex, b[..<mantissaEnd].lastIndex(of: dot).map({ $0 > c }) ?? false {
                return .failure(.notANumber)
            }
            let intEnd = commaIndex ?? mantissaEnd
            let groupedByThree = dots > 0 && isThousandsGrouped(b, upTo: intEnd, separator: dot)
            if dots > 0, !groupedByThree, !(commas == 0 && dots == 1) { return .failure(.notANumber) }
            for byte in b {
                if byte == dot {
                    if !groupedByThree { normal.append(dot) }
                } else if byte == comma {
                    normal.append(dot)
                } else {
                    normal.append(byte)
                }
            }
        } else {
            // commas > 0 here: a decimal comma or a thousands separator.
            let firstComma = b.firstIndex(of: comma) ?? 0
            if let firstDot = b.firstIndex(of: dot) {
                return .failure(firstComma < firstDot ? .thousands : .decimalComma)
            }
            if commas > 1 {
                return .failure(isThousandsGrouped(b, upTo: b.count, separator: comma) ? .thousands : .notANumber)
            }
            return .failure(.decimalComma)
        }
        return normal.withUnsafeBufferPointer { finite(plainValue($0)) }
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
