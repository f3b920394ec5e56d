import ArgumentParser
import CityIndexCore
import CityIndexEngine
import CityIndexFormats

extension OutputFormat: ExpressibleByArgument {}
extension Levels: ExpressibleByArgument {}
extension Language: ExpressibleByArgument {}
extension CSVDialect: ExpressibleByArgument {}
