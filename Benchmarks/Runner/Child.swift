import Foundation

/// The runner starts itself to generate a size's files, so that the generator's memory is not
/// the runner's. Every measured step runs the real `cityindex` executable (`Runner.cityindex`).
enum Child {
    static func run(_ arguments: [String]) -> Int32 {
        do {
            switch arguments[0] {
            case "child-gen":
                // size folder: the period-major file, then the other row orders made from it.
                guard arguments.count == 3, let size = BenchSize.named(arguments[1]) else { return 2 }
                let generator = Generator(size: size, folder: arguments[2])
                try generator.ensure()
                for order in RowOrder.allCases { try order.ensure(generator) }
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
