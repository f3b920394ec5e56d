/// One way to read a number whose marks can mean different things: `5,057` is 5057 when `,`
/// separates thousands and 5.057 when `,` is the decimal mark.
///
/// ``NumberError/ambiguous(_:readings:)`` lists every reading with the option that selects it.
public struct NumberReading: Sendable, Hashable {
    /// The value under this reading.
    public var value: Double
    /// The value as the file writes numbers, without grouping (`5057`; `5.057`, or `5,057` in a
    /// decimal-comma file): the text to write for this reading.
    public var written: String
    /// The decimal mark this reading takes from the text (`true`: the comma, `false`: the
    /// point), nil when the text has none under this reading.
    public var decimalComma: Bool?
    /// The thousands separator this reading takes from the text, nil when it uses none.
    public var separator: ThousandsSeparator?
    /// Whether the file's decimal mark is the comma.
    public var fileDecimalComma: Bool

    /// Creates a reading.
    public init(value: Double, written: String, decimalComma: Bool?, separator: ThousandsSeparator?, fileDecimalComma: Bool) {
        self.value = value
        self.written = written
        self.decimalComma = decimalComma
        self.separator = separator
        self.fileDecimalComma = fileDecimalComma
    }

    /// `5057 if "," separates thousands (--thousands-separator ',')`, `5.057 if "," is the
    /// decimal mark (--decimal-comma)`.
    public var phrase: String {
        var roles: [String] = []
        var options: [String] = []
        if let separator {
            roles.append(separator == .space ? "spaces separate thousands" : "\"\(separator.rawValue)\" separates thousands")
            options.append("--thousands-separator \(separator.option)")
        }
        if let comma = decimalComma {
            roles.append("\"\(comma ? "," : ".")\" is the decimal mark")
            // A '.' separator implies the decimal comma, a ',' separator the decimal point.
            if comma != fileDecimalComma, separator != .dot, separator != .comma {
                options.append(comma ? "--decimal-comma" : "--no-decimal-comma")
            }
        }
        let option = options.isEmpty ? "" : " (" + options.joined(separator: " ") + ")"
        return "\(written) if " + roles.joined(separator: " and ") + option
    }
}
