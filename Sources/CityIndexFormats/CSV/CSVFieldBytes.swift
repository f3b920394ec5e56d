/// Fields appended straight to a byte buffer, with the same text as ``CSVWriter/field(_:dialect:)``
/// but without a `String` per field: the fast path of long tables.
enum CSVFieldBytes {
    /// Appends `text` guarded against formula injection and quoted when it holds the
    /// delimiter, a quote, CR or LF (the guard's `'` goes inside the quotes).
    ///
    /// - Complexity: O(text.utf8.count).
    @inline(__always)
    static func appendText(_ text: String, delimiter: UInt8, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { u in
            guard !u.isEmpty else { return }
            var needsQuotes = false
            for b in u where b == delimiter || b == 0x22 || b == 0x0D || b == 0x0A {
                needsQuotes = true
                break
            }
            let guarded = CSVWriter.needsGuard(u)
            if needsQuotes { bytes.append(0x22) }
            if guarded { bytes.append(UInt8(ascii: "'")) }
            if needsQuotes {
                for b in u {
                    bytes.append(b)
                    if b == 0x22 { bytes.append(0x22) }
                }
                bytes.append(0x22)
            } else {
                bytes.append(contentsOf: u)
            }
        }
    }

    /// Appends the decimal digits of `value`.
    @inline(__always)
    static func appendInteger(_ value: Int, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        appendDigits(value.magnitude, to: &bytes)
    }

    /// Appends the decimal digits of `value`, written right to left in a stack buffer (at most
    /// 20 digits) and appended at once.
    @inline(__always)
    private static func appendDigits(_ value: UInt, to bytes: inout [UInt8]) {
        if value < 10 {
            bytes.append(0x30 + UInt8(value))
            return
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var n = value
            var first = digits.count
            while n > 0 {
                first -= 1
                digits[first] = 0x30 + UInt8(truncatingIfNeeded: n % 10)
                n /= 10
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[first...]))
        }
    }

    /// Appends a number as ``CSVWriter/format(_:decimals:)`` writes it, with a decimal comma
    /// when asked; nothing for NaN and infinities.
    static func appendNumber(_ value: Double, decimals: Int?, decimalComma: Bool, to bytes: inout [UInt8]) {
        guard value.isFinite else { return }
        let point = decimalComma ? UInt8(ascii: ",") : UInt8(ascii: ".")
        if let decimals {
            if appendFixed(value, decimals: min(max(decimals, 0), 17), point: point, to: &bytes) { return }
        } else if appendShortest(value, point: point, to: &bytes) {
            return
        }
        appendReplacingPoint(CSVWriter.format(value, decimals: decimals), point: point, to: &bytes)
    }

    private static func appendReplacingPoint(_ text: String, point: UInt8, to bytes: inout [UInt8]) {
        if point == UInt8(ascii: ".") {
            bytes.append(contentsOf: text.utf8)
        } else {
            for b in text.utf8 { bytes.append(b == UInt8(ascii: ".") ? point : b) }
        }
    }

    /// The shortest round-trip text (as `description`) when it has no exponent (most values);
    /// false, with nothing appended, otherwise.
    ///
    /// `Double.write(to:)` writes the very text of `description` (the same digit generator), here
    /// straight into `bytes` through a ``ByteTextStream``: no `String` per number.
    @inline(__always)
    private static func appendShortest(_ value: Double, point: UInt8, to bytes: inout [UInt8]) -> Bool {
        if value == 0 {
            bytes.append(0x30)
            return true
        }
        let start = bytes.count
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        let digits = bytes.count
        // The array moves into the stream and back: no copy.
        var stream = ByteTextStream()
        swap(&stream.bytes, &bytes)
        value.magnitude.write(to: &stream)
        swap(&stream.bytes, &bytes)
        let end = bytes.count
        // An exponent is `e`, a sign and two or three digits: only the last five bytes can hold it.
        for k in max(digits, end - 5)..<end where bytes[k] == 0x65 || bytes[k] == 0x45 {
            bytes.removeLast(end - start)
            return false
        }
        if end - digits >= 2, bytes[end - 1] == 0x30, bytes[end - 2] == 0x2E {
            bytes.removeLast(2)
        } else if point != 0x2E, let decimalPoint = bytes[digits..<end].firstIndex(of: 0x2E) {
            bytes[decimalPoint] = point
        }
        return true
    }

    private static let powersOfTen: [Double] = (0...17).map { k in (0..<k).reduce(1.0) { r, _ in r * 10 } }
    private static let integerPowersOfTen: [UInt] = (0...17).map { k in (0..<k).reduce(UInt(1)) { r, _ in r * 10 } }

    /// `%.<decimals>f` of `value` without `printf` when the scaled value is clearly not halfway
    /// between two integers (so rounding the product gives what rounding the exact binary value
    /// gives); false to leave it to `printf`. Never `-0`.
    @inline(__always)
    private static func appendFixed(_ value: Double, decimals: Int, point: UInt8, to bytes: inout [UInt8]) -> Bool {
        guard decimals <= 15 else { return false }
        let scaled = value.magnitude * powersOfTen[decimals]
        guard scaled < 1e15 else { return false }
        let floor = scaled.rounded(.down)
        let fraction = scaled - floor
        // The product is within one rounding (|scaled| × 2⁻⁵³) of the exact one.
        guard abs(fraction - 0.5) > scaled * 1e-15 + 1e-9 else { return false }
        let r = UInt(fraction > 0.5 ? floor + 1 : floor)
        if r != 0, value < 0 { bytes.append(UInt8(ascii: "-")) }
        let p = integerPowersOfTen[decimals]
        appendDigits(r / p, to: &bytes)
        guard decimals > 0 else { return true }
        bytes.append(point)
        let fractionDigits = r % p
        for _ in 0..<decimals { bytes.append(0x30) }
        var n = fractionDigits
        var k = bytes.count - 1
        while n > 0 {
            bytes[k] = 0x30 + UInt8(n % 10)
            n /= 10
            k -= 1
        }
        return true
    }
}
