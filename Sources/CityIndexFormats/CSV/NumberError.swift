/// Why a field is not a number, with the text as written.
///
/// Prints as one sentence saying what to write instead: `"12%" is not a number: write 12 or 0.12 without "%".`
public enum NumberError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A percentage such as `12%`.
    case percent(String)
    /// A value that is not finite, such as `1e999`, `NaN` or `Inf`.
    case notFinite(String)
    /// A decimal comma (`12,5`, `1.234,5`) in a file read with a decimal point.
    case decimalCommaWithoutDialect(String)
    /// A thousands separator (`1,234.5`) in a file read with a decimal point.
    case thousandsSeparator(String)
    /// Anything else that is neither a number nor a missing-value token.
    case notANumber(String)

    /// The text as written in the field.
    public var text: String {
        switch self {
        case .percent(let t), .notFinite(let t), .decimalCommaWithoutDialect(let t),
            .thousandsSeparator(let t), .notANumber(let t):
            return t
        }
    }

    /// The sentence, naming the column when given: `"12%" in column "eys" is not a number: …`.
    public func message(column: String? = nil) -> String {
        let subject = "\"\(text)\"" + (column.map { " in column \"\($0)\"" } ?? "")
        switch self {
        case .percent(let t):
            let number = String(t.trimmingASCIISpaces.dropLast()).trimmingASCIISpaces
            if let fraction = Self.shiftedTwoPlacesLeft(number) {
                return "\(subject) is not a number: write \(number) or \(fraction) without \"%\"."
            }
            return "\(subject) is not a number: write it without \"%\"."
        case .notFinite:
            return "\(subject) is not a finite number: write a finite value, or leave the cell empty when it is missing."
        case .decimalCommaWithoutDialect(let t):
            let plain = t.trimmingASCIISpaces.replacingBytes { $0 == UInt8(ascii: ".") ? nil : ($0 == UInt8(ascii: ",") ? UInt8(ascii: ".") : $0) }
            return "\(subject) uses a decimal comma: pass --decimal-comma, or write \(plain)."
        case .thousandsSeparator(let t):
            let plain = t.trimmingASCIISpaces.replacingBytes { $0 == UInt8(ascii: ",") ? nil : $0 }
            return "\(subject) has a thousands separator: write \(plain) without \",\"."
        case .notANumber:
            return "\(subject) is not a number: write a number such as 12.5, or leave the cell empty (or NA) when it is missing."
        }
    }

    /// The sentence: `"12%" is not a number: write 12 or 0.12 without "%".`
    public var description: String { message() }

    /// `12` → `0.12`, `12.5` → `0.125`, `150` → `1.5`; `nil` unless the text is digits with at most one `.` or `,`.
    static func shiftedTwoPlacesLeft(_ number: String) -> String? {
        var negative = false
        var body = Substring(number)
        if body.first == "-" {
            negative = true
            body = body.dropFirst()
        }
        let mark: Character = body.contains(",") ? "," : "."
        let parts = body.split(separator: mark, omittingEmptySubsequences: false)
        guard parts.count <= 2, let intPart = parts.first, !intPart.isEmpty,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        else { return nil }
        let frac = parts.count == 2 ? String(parts[1]) : ""
        var digits = String(intPart)
        while digits.count < 3 { digits = "0" + digits }
        let newInt = String(digits.dropLast(2)).drop { $0 == "0" }
        var newFrac = String(digits.suffix(2)) + frac
        while newFrac.last == "0" { newFrac.removeLast() }
        let head = newInt.isEmpty ? "0" : String(newInt)
        let result = newFrac.isEmpty ? head : head + String(mark) + newFrac
        return negative ? "-" + result : result
    }
}
