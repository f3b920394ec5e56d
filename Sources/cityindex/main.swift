import CityIndexCLI
import Foundation

exit(CityIndexCommand.run(arguments: Array(CommandLine.arguments.dropFirst())))
