import ArgumentParser
import CityIndexCore
import CityIndexFormats

/// The criteria set and data files of a command.
struct InputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The criteria set: a YAML file or a flat criteria table (.csv).", valueName: "file"))
    var criteria: String?

    @Option(
        name: .long,
        help: ArgumentHelp("An observation file (long, wide or COINr iData; CSV or an .xlsx sheet) to import first; repeat for several.", valueName: "file"))
    var data: [String] = []

    @Option(name: .long, help: ArgumentHelp("A unit registry CSV, instead of the ones the criteria set names.", valueName: "file"))
    var registry: String?

    @Option(name: .long, help: ArgumentHelp("The period to score, or of a data file without a period column: 2024, 2024-H1, 2024-Q3, 2024-07.", valueName: "period"))
    var period: String?

    @Option(name: .long, help: ArgumentHelp("The sheet to read from .xlsx data files (default: the first sheet).", valueName: "name"))
    var sheet: String?

    @Flag(
        name: .long, inversion: .prefixedNo,
        help: "Data files use the decimal comma (1.234,5; '.' then separates thousands), or the decimal point. Sniffed: a comma on files delimited by ';'.")
    var decimalComma: Bool?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The thousands separator the data files use: ',' (1,234.5), '.' (1.234,5), space (1 234,5) or none. Numbers grouped otherwise are refused (default: '.' with --decimal-comma, else none).",
            valueName: "sep"))
    var thousandsSeparator: String?

    @Option(name: .long, help: ArgumentHelp("The data files' delimiter: ',', ';' or 'tab' (default: sniffed).", valueName: "char"))
    var delimiter: String?

    @Flag(name: .long, help: "Replace stored values that the data files contradict (the old values are kept in history).")
    var replace = false

    func validate() throws {
        if let period, Period(period) == nil {
            throw ValidationError("--period \"\(period)\" is not a period: expected 2024, 2024-H1, 2024-Q3 or 2024-07")
        }
        if let delimiter, !["", ",", ";", "tab", "\t"].contains(delimiter) {
            throw ValidationError("--delimiter \"\(delimiter)\" is not supported: expected ',', ';' or 'tab'")
        }
        if let thousandsSeparator {
            guard let separator = ThousandsSeparator(option: thousandsSeparator) else {
                throw ValidationError("--thousands-separator \"\(thousandsSeparator)\" is not supported: expected ',', '.', space or none")
            }
            if let decimalComma, (separator == .comma && decimalComma) || (separator == .dot && !decimalComma) {
                throw ValidationError("--thousands-separator \(separator.option) is the decimal mark too: drop --\(decimalComma ? "" : "no-")decimal-comma or declare another separator")
            }
        }
    }

    /// The parsed `--period`.
    var parsedPeriod: Period? { period.flatMap(Period.init) }

    /// How to read the data files.
    var readOptions: CSVReadOptions {
        var options = CSVReadOptions()
        switch delimiter {
        case ",": options.delimiter = UInt8(ascii: ",")
        case ";": options.delimiter = UInt8(ascii: ";")
        case "tab", "\t": options.delimiter = UInt8(ascii: "\t")
        default: break
        }
        options.decimalComma = decimalComma
        options.thousandsSeparator = thousandsSeparator.flatMap(ThousandsSeparator.init(option:))
        return options
    }
}
