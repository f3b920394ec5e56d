import CityIndexCLI
import Foundation

/// The runner starts itself once per measured step, so each step's peak memory is its own.
enum Child {
    static func run(_ arguments: [String]) -> Int32 {
        do {
            switch arguments[0] {
            case "child-gen":
                guard let size = BenchSize.named(arguments[1]) else { return 2 }
                try Generator(size: size, folder: arguments[2]).ensure()
                return 0
            case "child-import":
                // criteria data db
                removeStore(arguments[3])
                return CityIndexCommand.run(arguments: ["import", "--criteria", arguments[1], "--data", arguments[2], "--db", arguments[3]])
            case "child-score":
                // criteria db out
                let n = try ScorePipeline.run(storePath: arguments[2], criteriaPath: arguments[1], out: arguments[3])
                print("scores: \(n)")
                return 0
            case "child-e2e":
                // criteria data db out
                removeStore(arguments[3])
                let code = CityIndexCommand.run(arguments: ["import", "--criteria", arguments[1], "--data", arguments[2], "--db", arguments[3]])
                guard code == 0 else { return code }
                _ = try ScorePipeline.run(storePath: arguments[3], criteriaPath: arguments[1], out: arguments[4])
                return 0
            default:
                return 2
            }
        } catch {
            FileHandle.standardError.write(Data("\(arguments[0]): \(error)\n".utf8))
            return 1
        }
    }

    static func removeStore(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
