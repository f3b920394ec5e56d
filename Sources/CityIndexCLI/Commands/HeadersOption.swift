import ArgumentParser
import CityIndexReports

/// `--headers`, for the commands that write CSV files or workbooks.
struct HeadersOption: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Headers of CSV files and workbook sheets: ids (the machine names, the default of CSV files), vi or en (column titles for people; report.xlsx of a Vietnamese report defaults to vi, with the ids in its last sheet).",
            valueName: "ids|vi|en"))
    var headers: HeaderStyle?
}

extension HeaderStyle: ExpressibleByArgument {}
