import ArgumentParser
import CityIndexFormats

/// `--csv-dialect`, for the commands that print CSV to standard output.
struct CSVDialectOption: ParsableArguments {
    @Option(
        name: .customLong("csv-dialect"),
        help: """
            CSV dialect of the output: data (RFC 4180, UTF-8, LF), excel (with BOM, CRLF) or \
            excel-vi (with BOM, CRLF, ';', decimal comma).
            """)
    var dialect: CSVDialect = .data
}
