import ArgumentParser
import CityIndexCore
import CityIndexEngine
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

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Which data column holds what, for headers CityIndex does not know: 'Province=unit,Year=period' (roles: unit, name, period, indicator, value, source, note, quality, verified, skip, or a period such as 2016).",
            valueName: "header=role,…"))
    var columns: [String] = []

    @Option(name: .long, help: ArgumentHelp("The indicator of data files that hold one: a table with one column per period, or a long file without an indicator column (default: the sheet's name).", valueName: "id"))
    var indicator: String?

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

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The data files give their values on the units in force at the end of this period, whatever the rows' periods (figures already re-expressed on other units, such as 2024 values for Vietnam's 34 units of 2025). Without it, a row's unit is the one in force at the end of the row's period.",
            valueName: "period"))
    var dataBasis: String?

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
        do { _ = try ColumnMapping(parsing: columns) } catch { throw ValidationError(error.description) }
        if let dataBasis, Period(dataBasis) == nil {
            throw ValidationError("--data-basis \"\(dataBasis)\" is not a period: expected a year such as 2025, or 2025-H2, 2025-Q3, 2025-07")
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

    /// How to read and import the data files.
    var importOptions: ImportOptions {
        ImportOptions(
            readOptions: readOptions, defaultPeriod: parsedPeriod, replace: replace, sheet: sheet,
            dataBasis: dataBasis.flatMap(Period.init),
            layout: ObservationLayoutOptions(columns: (try? ColumnMapping(parsing: columns)) ?? ColumnMapping(), indicator: indicator))
    }

    /// What a scoring command starts from.
    func scoring(store: StoreOptions, periods: PeriodOptions? = nil, demo: Bool = false) -> ScoringInput {
        var input = ScoringInput(
            criteria: criteria, registry: registry, store: store.path, data: data, importOptions: importOptions,
            period: parsedPeriod, selection: periods?.selection ?? PeriodSelection(), demo: demo)
        input.targets = targets
        input.only = only
        input.verbose = periods?.verbose ?? false
        return input
    }

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
