import CityIndexCore
import CityIndexEngine
import CityIndexFormats
import CityIndexStore

/// The exit codes of DESIGN §7.
public enum ExitStatus: Int32, Sendable {
    /// Success.
    case success = 0
    /// Bad input data or criteria.
    case badInput = 1
    /// Bad usage of the command line.
    case usage = 2
    /// A store conflict or lock.
    case store = 3

    /// The exit code for an error thrown while running a command.
    static func of(_ error: any Error) -> ExitStatus {
        switch error {
        case let e as StoreError:
            switch e {
            case .conflicts(let conflicts) where conflicts.allSatisfy(\.isWithinFile): return .badInput
            case .locked, .conflicts: return .store
            default: return .badInput
            }
        case let e as CLIError:
            return e.status
        case let e as EngineError:
            switch e.kind {
            case .badInput: return .badInput
            case .usage: return .usage
            case .store: return .store
            }
        default:
            return .badInput
        }
    }
}

/// An error of the command layer, printed as it reads.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    var status: ExitStatus = .badInput

    init(_ description: String, status: ExitStatus = .badInput) {
        self.description = description
        self.status = status
    }
}
