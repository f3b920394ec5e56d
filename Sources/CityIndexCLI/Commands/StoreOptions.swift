import ArgumentParser
import CityIndexStore
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

    /// Says, before the command runs, that the store was written by an earlier CityIndex and
    /// its values are about to move to a table per period (once; a national panel takes a
    /// while). A file that is not a store is left for the command to report.
    func validate() throws {
        guard (try? Store.pendingSteps(path: path))?.contains("a-value-table-per-period") == true else { return }
        Console.current.error(
            "note: \(path) was written by an earlier CityIndex; its values move to a table per period now, once "
                + "(about 2 s a million values)")
    }
}
