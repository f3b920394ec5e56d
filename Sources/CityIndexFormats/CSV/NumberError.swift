/// Why a field is not a number, with the text as written.
///
/// Prints as one sentence saying what to write instead; advice never proposes a value of
/// another magnitude than the text's only reading, and a text with several readings names
/// them all: `"5,057" is ambiguous: 5057 if "," separates thousands (--thousands-separator ','), …`.
public enum NumberError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A percentage such as `12%`.
    case percent(String)
    /// A value that is not finite, such as `1e999`, `NaN` or `Inf`.
    case notFinite(String)
    /// A decimal comma (`12,5`, `1.234,5`) in a file read with a decimal point, where the comma
    /// cannot separate thousands.
    case decimalCommaWithoutDialect(String)
    /// Digits grouped by a thousands separator the file does not declare (`1,234.5` without
    /// `--thousands-separator ','`), where the text has no other reading.
    case thousandsSeparator(String, ThousandsSeparator)
    /// A text that reads as different numbers depending on what its marks mean (`5,057` in a
    /// file with a decimal point: 5057 or 5.057).
    case ambiguous(String, readings: [NumberReading])
    /// Anything else that is neither a number nor a missing-value token.
    case notANumber(String)

    /// The text as written in the field.
    public var text: String {
        switch self {
        case .percent(let t), .notFinite(let t), .decimalCommaWithoutDialect(let t), .thousandsSeparator(let t, _),
            .ambiguous(let t, _), .notANumber(let t):
            return t
        }
    }

    /// The sentence, naming the column when given: `"12%" in column "eys" is not a number: …`.
    public func message(column: String? = nil) -> String {
        let subject = "\"\(text)\"" + (column.map { " in column \"\($0)\"" } ?? "")
        switch self {
        case .percent:
            return "\(subject) is not a number: write the value without \"%\", in the indicator's unit of measure."
        case .notFinite:
            return "\(subject) is not a finite number: write a finite value, or leave the cell empty when it is missing."
        case .decimalCommaWithoutDialect(let t):
            let plain = Self.ungrouped(t) {
                $0 == UInt8(ascii: ".") || $0 == 0x20 ? nil : ($0 == UInt8(ascii: ",") ? UInt8(ascii: ".") : $0)
            }
            return "\(subject) uses a decimal comma: pass --decimal-comma, or write \(plain)."
        case .thousandsSeparator(let t, let separator):
            let mark = separator.byte
            let plain = Self.ungrouped(t) { $0 == mark ? nil : $0 }
            let what = separator == .space ? "spaces between groups of digits" : "\"\(separator.rawValue)\" between groups of digits"
            return "\(subject) has \(what): pass --thousands-separator \(separator.option) if the file groups thousands so, or write \(plain)."
        case .ambiguous(_, let readings):
            return "\(subject) is ambiguous: " + readings.map(\.phrase).joined(separator: ", ")
                + "; pass the option that fits the file, or write the number without a thousands separator."
        case .notANumber:
            return "\(subject) is not a number: write a number such as 12.5, or leave the cell empty (or NA) when it is missing."
        }
    }

    /// The sentence: `"12%" is not a number: write the value without "%", in the indicator's unit of measure.`
    public var description: String { message() }

    /// `text` trimmed, with no-break spaces as spaces, then each ASCII byte mapped (`nil` drops it).
    private static func ungrouped(_ text: String, _ transform: (UInt8) -> UInt8?) -> String {
        text.trimmingASCIISpaces
            .replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
            .replacingBytes(transform)
    }
}
