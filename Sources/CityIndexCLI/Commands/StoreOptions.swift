import ArgumentParser
import Foundation

/// `--db`: where the SQLite store lives.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp("The SQLite store (default: $CITYINDEX_DB, else ./cityindex.sqlite).", valueName: "path"))
    var db: String?

    /// The store path in effect.
    var path: String {
        db ?? ProcessInfo.processInfo.environment["CITYINDEX_DB"] ?? "./cityindex.sqlite"
    }
}
