import Foundation

/// The order of a generated file's rows. The generator writes period-major; the other two orders
/// hold the same rows (same header, same values) and are made from that file, once, in the work folder.
enum RowOrder: String, CaseIterable, Sendable {
    /// Period, then unit, then indicator: as yearly collections are appended.
    case periodMajor = "period-major"
    /// Unit, then indicator, then period: as a panel exported unit by unit.
    case unitIndicatorPeriod = "unit-indicator-period"
    /// A seeded shuffle of the rows.
    case shuffled

    /// The file of this order for `generator`'s size.
    func dataPath(_ generator: Generator) -> String {
        switch self {
        case .periodMajor: generator.dataPath
        case .unitIndicatorPeriod, .shuffled: generator.dataPath.replacingOccurrences(of: ".csv", with: "-\(rawValue).csv")
        }
    }

    /// Writes the file of this order from the period-major one when it is missing.
    func ensure(_ generator: Generator) throws {
        let path = dataPath(generator)
        guard self != .periodMajor, !FileManager.default.fileExists(atPath: path) else { return }
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: generator.dataPath)))
        // Line starts; the header is line 0 and stays first.
        var starts: [Int] = [0]
        for (k, b) in bytes.enumerated() where b == 0x0A && k + 1 < bytes.count { starts.append(k + 1) }
        starts.append(bytes.count)
        let lines = starts.count - 1
        let size = generator.size
        var order: [Int32]
        switch self {
        case .periodMajor:
            return
        case .unitIndicatorPeriod:
            // Every (unit, indicator, period) is at most once: place each line in its slot.
            var slots = [Int32](repeating: -1, count: size.cells)
            for line in 1..<lines {
                let s = starts[line]
                // U00001,ind001,2023,…
                let u = number(bytes, s + 1, 5) - 1
                let i = number(bytes, s + 10, 3) - 1
                let p = number(bytes, s + 14, 4) - size.firstYear
                guard u >= 0, u < size.units, i >= 0, i < size.indicators, p >= 0, p < size.periods else {
                    throw BenchError("\(generator.dataPath): line \(line + 1) is not a generated row")
                }
                slots[(u * size.indicators + i) * size.periods + p] = Int32(line)
            }
            order = slots.filter { $0 >= 0 }
        case .shuffled:
            order = (1..<lines).map { Int32($0) }
            var rng = SplitMix64(seed: size.seed ^ 0x5EED)
            order.shuffle(using: &rng)
        }
        let tmp = path + ".tmp"
        guard FileManager.default.createFile(atPath: tmp, contents: nil), let handle = FileHandle(forWritingAtPath: tmp) else {
            throw BenchError("cannot write \(tmp)")
        }
        var out: [UInt8] = Array(bytes[starts[0]..<starts[1]])
        out.reserveCapacity(1 << 22 + 256)
        for line in order {
            out += bytes[starts[Int(line)]..<starts[Int(line) + 1]]
            if out.count >= 1 << 22 {
                handle.write(Data(out))
                out.removeAll(keepingCapacity: true)
            }
        }
        handle.write(Data(out))
        try handle.close()
        try FileManager.default.moveItem(atPath: tmp, toPath: path)
    }

    private func number(_ bytes: [UInt8], _ from: Int, _ count: Int) -> Int {
        var n = 0
        for k in from..<(from + count) {
            let d = Int(bytes[k]) - 48
            guard d >= 0, d <= 9 else { return -1 }
            n = n * 10 + d
        }
        return n
    }
}
