import ArgumentParser
import CityIndexCore
import CityIndexFormats

/// `--format` of `score`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case csv, md, json
}

/// `--levels` of `score`.
enum Levels: String, ExpressibleByArgument, CaseIterable {
    /// The ranking: one row per unit.
    case index
    /// Every node: the long layout of scores.csv.
    case all
}

extension Language: ExpressibleByArgument {}
extension CSVDialect: ExpressibleByArgument {}
