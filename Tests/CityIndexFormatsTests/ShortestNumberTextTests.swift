import Foundation
import Testing

@testable import CityIndexFormats

/// Numbers without fixed decimals are written through ``ByteTextStream`` (no `String` per
/// number): the text must be exactly `description`'s, and the field exactly what
/// ``CSVWriter/format(_:decimals:)`` (built on `description`) gives.
@Suite("Shortest number text without a String")
struct ShortestNumberTextTests {
    /// The bytes `Double.write(to:)` gives through the stream.
    static func streamed(_ value: Double) -> [UInt8] {
        var stream = ByteTextStream()
        value.write(to: &stream)
        return stream.bytes
    }

    /// Expects the stream's text to be `description` and the field to be the reference field,
    /// with a decimal point and with a decimal comma.
    static func check(_ value: Double) {
        #expect(streamed(value) == Array(value.description.utf8), "\(value.bitPattern)")
        for decimalComma in [false, true] {
            var bytes: [UInt8] = [0x41]
            CSVFieldBytes.appendNumber(value, decimals: nil, decimalComma: decimalComma, to: &bytes)
            var reference = "A" + CSVWriter.format(value, decimals: nil)
            if decimalComma { reference = reference.replacingOccurrences(of: ".", with: ",") }
            #expect(
                bytes == Array(reference.utf8), "\(value) (bits \(value.bitPattern)), decimal comma \(decimalComma)")
        }
    }

    @Test("edge cases", arguments: [
        0, -0.0, 1, -1, 0.1, -0.1, 0.2, 0.3, 0.1 + 0.2, 1.0 / 3, 2.0 / 3, 100, 57.36263295422911, 0.5, 2.5,
        1e-4, 1e-5, 1e-6, -1e-6, 1e-7, 9.999999999999999e-5, 0.00010000000000000002, 1e14, 1e15, -1e15, 1e16,
        1e17, 1e21, 1e22, 1e23, 123456789.125, 9007199254740991, 9007199254740992, 9007199254740993,
        9007199254740994, -9007199254740994, 18014398509481984, 18014398509481988, 4503599627370496.5, .pi,
        .ulpOfOne, 1 + .ulpOfOne, .leastNormalMagnitude, .leastNonzeroMagnitude, -.leastNonzeroMagnitude,
        .leastNormalMagnitude.nextDown, .greatestFiniteMagnitude, -.greatestFiniteMagnitude, 0.1.nextUp,
        0.1.nextDown,
    ] as [Double])
    func edgeCase(value: Double) {
        Self.check(value)
    }

    @Test("powers of ten and of two, and their neighbours")
    func powers() {
        var values: [Double] = []
        for k in -30...30 {
            let p = pow(10, Double(k))
            values += [p, p.nextUp, p.nextDown]
        }
        for k in -1074...1023 {
            let p = Double(sign: .plus, exponent: k, significand: 1)
            values += [p, p.nextUp, p.nextDown]
        }
        for value in values {
            Self.check(value)
            Self.check(-value)
        }
    }

    @Test("random bit patterns over every exponent")
    func randomBitPatterns() {
        var generator = SplitMix64(seed: 20_240_607)
        for _ in 0..<200_000 {
            let value = Double(bitPattern: generator.next())
            guard value.isFinite else { continue }
            Self.check(value)
        }
    }

    @Test("random values where the text has no exponent")
    func randomPlainValues() {
        var generator = SplitMix64(seed: 53)
        for _ in 0..<200_000 {
            // Binary exponents from 2⁻¹⁶ to 2⁵⁵ cover the plain range and both of its ends.
            let exponent = Int(generator.next() % 72) - 16
            let significand = 1 + Double(generator.next() >> 12) / Double(1 << 52)
            let sign: FloatingPointSign = generator.next() & 1 == 0 ? .plus : .minus
            let value = Double(sign: sign, exponent: exponent, significand: significand)
            Self.check(value)
            // Scores rounded to a few decimals and integers, as tables hold them.
            Self.check((value * 1000).rounded() / 1000)
            Self.check(value.rounded())
        }
    }

    @Test("integers", arguments: [0, 1, -1, 9, 10, -10, 99, 100, 12345, Int.max, Int.min, Int.min + 1])
    func integers(value: Int) {
        var bytes: [UInt8] = []
        CSVFieldBytes.appendInteger(value, to: &bytes)
        #expect(bytes == Array(String(value).utf8))
    }

    @Test("random integers")
    func randomIntegers() {
        var generator = SplitMix64(seed: 9)
        for _ in 0..<20_000 {
            let value = Int(bitPattern: UInt(generator.next() >> (generator.next() % 64)))
            var bytes: [UInt8] = []
            CSVFieldBytes.appendInteger(value, to: &bytes)
            #expect(bytes == Array(String(value).utf8))
        }
    }
}
