import Foundation

/// The share of CPU time the hypervisor gave to other virtual machines (`steal` in
/// `/proc/stat`): on a shared machine, what makes one run slower than another.
struct CPUSteal {
    private var steal: Int, total: Int

    /// The counters now, or nil where `/proc/stat` has none (not Linux).
    static func now() -> CPUSteal? {
        guard let text = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix("cpu ") })
        else { return nil }
        // cpu user nice system idle iowait irq softirq steal …
        let fields = line.split(separator: " ").dropFirst().compactMap { Int($0) }
        guard fields.count >= 8 else { return nil }
        return CPUSteal(steal: fields[7], total: fields.prefix(8).reduce(0, +))
    }

    /// The percentage of CPU time stolen since `earlier`.
    func percent(since earlier: CPUSteal) -> Double {
        let total = total - earlier.total
        return total > 0 ? 100 * Double(steal - earlier.steal) / Double(total) : 0
    }
}
