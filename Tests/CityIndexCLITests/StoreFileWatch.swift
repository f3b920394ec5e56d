import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Seconds on a monotonic clock, for timing child processes.
func monotonicSeconds() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

/// The size of the file at `path` in bytes (one `stat` call, cheap enough to poll in a loop);
/// 0 when it does not exist.
func fileSize(_ path: String) -> Int {
    var info = stat()
    return stat(path, &info) == 0 ? Int(info.st_size) : 0
}

/// When an import wrote its store's files: the sizes of `-wal` and the main file, sampled every
/// 0.1 ms while the child runs, kept where they changed.
struct StoreFileTimeline: CustomStringConvertible {
    /// One change of size.
    struct Sample {
        var seconds: Double
        var wal: Int
        var main: Int
    }

    /// The changes seen, in order.
    private(set) var samples: [Sample] = []
    /// Seconds from start to exit.
    private(set) var duration = 0.0
    /// The largest size the WAL reached: the import's pages and its commit are in by then.
    private(set) var largestWAL = 0
    /// The WAL size while the import reads its file and nothing of it is written yet: the size
    /// held longest before the WAL reached its largest.
    private(set) var quietWAL = 0
    /// When the WAL grew past ``quietWAL`` for the last time before reaching its largest: the
    /// import's write phase starts.
    private(set) var writeStart = 0.0
    /// When the WAL reached its largest.
    private(set) var walFull = 0.0
    /// When the main file first changed size after the write started: a checkpoint copying pages.
    private(set) var mainChanged: Double?

    /// Polls `store`'s files every 0.1 ms until `child` exits; times are seconds since `start`.
    ///
    /// - Complexity: O(changes) after the child exits (a million-row import changes the WAL's
    ///   size thousands of times while it commits).
    static func watch(_ child: ChildRun, store: String, start: Double) -> StoreFileTimeline {
        var timeline = StoreFileTimeline()
        var last = (wal: -1, main: -1)
        var polls = 0
        while true {
            let now = (wal: fileSize(store + "-wal"), main: fileSize(store))
            if now != last {
                timeline.samples.append(Sample(seconds: monotonicSeconds() - start, wal: now.wal, main: now.main))
                last = now
            }
            polls += 1
            if polls % 16 == 0, !child.process.isRunning { break }
            Thread.sleep(forTimeInterval: 0.0001)
        }
        timeline.duration = monotonicSeconds() - start
        timeline.summarise()
        return timeline
    }

    /// Works out the phases from the samples, once.
    private mutating func summarise() {
        guard !samples.isEmpty else { return }
        largestWAL = samples.map(\.wal).max() ?? 0
        let largest = samples.firstIndex { $0.wal == largestWAL } ?? 0
        walFull = samples[largest].seconds
        var held: [Int: Double] = [:]
        for i in 0..<largest { held[samples[i].wal, default: 0] += samples[i + 1].seconds - samples[i].seconds }
        quietWAL = held.max { $0.value < $1.value }?.key ?? 0
        var k = largest
        while k > 0, samples[k - 1].wal > quietWAL { k -= 1 }
        writeStart = samples[k].seconds
        let main = samples[0].main
        mainChanged = samples.first { $0.seconds >= writeStart && $0.main != main }?.seconds
    }

    var description: String {
        let ms = { (s: Double) in String(format: "%.3f s", s) }
        var text = "import \(ms(duration)); WAL \(quietWAL) bytes until \(ms(writeStart)), \(largestWAL) bytes at \(ms(walFull))"
        if let mainChanged { text += ", main file rewritten from \(ms(mainChanged))" }
        return text + " (\(samples.count) changes seen)"
    }
}
