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

    @Flag(name: .long, help: "Data files use the decimal comma (1.234,5). Sniffed on files delimited by ';'.")
    var decimalComma = false

    @Option(name: .long, help: ArgumentHelp("The data files' delimiter: ',', ';' or 'tab' (default: sniffed).", valueName: "char"))
    var delimiter: String?

    @Flag(name: .long, help: "Replace stored values that the data files contradict (the old values are kept in history).")
    var replace = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A targets file (indicator,target,source and optional unit, period, note columns), instead of the one the criteria set names.",
            valueName: "file"))
    var targets: String?

    @Option(name: .long, help: ArgumentHelp("Score a view: only the indicators tagged TAG (or under a node tagged TAG), for example core.", valueName: "tag"))
    var only: String?

    func validate() throws {
        if let period, Period(period) == nil {
            throw ValidationError("--period \"\(period)\" is not a period: expected 2024, 2024-H1, 2024-Q3 or 2024-07")
        }
        if let delimiter, !["", ",", ";", "tab", "\t"].contains(delimiter) {
            throw ValidationError("--delimiter \"\(delimiter)\" is not supported: expected ',', ';' or 'tab'")
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
        if decimalComma { options.decimalComma = true }
        return options
    }
}
