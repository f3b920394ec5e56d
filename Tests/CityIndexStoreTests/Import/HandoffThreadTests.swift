@testable import CityIndexStore
import Foundation
import Synchronization
import Testing

/// The thread that writes an import's batches: jobs run one at a time, in the order posted,
/// and waiting for a job means its effects are visible.
@Suite("Handoff thread")
struct HandoffThreadTests {
    /// What the jobs did: each writes its own slot (plain memory, no lock); the caller reads
    /// a slot only after waiting for its job, as an import reads its batches' outcome.
    final class Log: @unchecked Sendable {
        let slots: UnsafeMutableBufferPointer<Int>
        let running = Atomic<Int>(0)
        let overlaps = Atomic<Int>(0)
        let order = Atomic<Int>(0)

        init(jobs: Int) {
            slots = .allocate(capacity: max(jobs, 1))
            slots.initialize(repeating: -1)
        }

        deinit { slots.deallocate() }

        func run(_ number: Int) {
            if running.add(1, ordering: .relaxed).newValue != 1 { overlaps.add(1, ordering: .relaxed) }
            if number % 7 == 0 { usleep(200) }  // some jobs slower than the caller
            // The jobs before this one have all run: record the running count as this job's.
            slots[number] = order.add(1, ordering: .relaxed).oldValue
            running.subtract(1, ordering: .relaxed)
        }
    }

    @Test("jobs run in the order posted, one at a time, with up to two in flight", arguments: [1, 2, 300])
    func order(jobs: Int) {
        let log = Log(jobs: jobs)
        let worker = HandoffThread(name: "test") { log.run($0) }
        for number in 0..<jobs {
            worker.awaitCompletion(of: number - 2)
            // Job `number - 2` has run, so what it wrote is visible here.
            if number >= 2 { #expect(log.slots[number - 2] == number - 2) }
            worker.post()
        }
        worker.awaitCompletion()
        #expect(Array(log.slots.prefix(jobs)) == Array(0..<jobs))
        #expect(log.overlaps.load(ordering: .relaxed) == 0)
        worker.stop()
    }

    @Test("a worker that never got a job, or sleeps between jobs, stops")
    func stopsWhenIdle() {
        let unused = HandoffThread(name: "test") { _ in }
        unused.stop()

        let log = Log(jobs: 2)
        let sleeper = HandoffThread(name: "test") { log.run($0) }
        sleeper.post()
        sleeper.awaitCompletion()
        // Longer than the polling limit: the worker sleeps and must be woken by the next job.
        Thread.sleep(forTimeInterval: 0.02)
        sleeper.post()
        sleeper.awaitCompletion(of: 1)
        #expect(Array(log.slots) == [0, 1])
        sleeper.stop()
    }
}
