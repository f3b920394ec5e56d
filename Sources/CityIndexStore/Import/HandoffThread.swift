import Dispatch
import Foundation
import Synchronization

/// A thread that runs one client's jobs one at a time, each job handed over and awaited
/// without putting either thread to sleep while the other is about to finish.
///
/// Both sides first poll for up to ``spinLimit`` (yielding the core on every poll), and only
/// then sleep on a semaphore. A thread that sleeps at every hand-over is woken each time by
/// the scheduler, which tends to wake it on the core of the thread that woke it: on a virtual
/// machine, the import's reading and writing threads then took turns on one core for much of
/// the import while the other core idled (1 M values: 1.5-1.9 s, against 1.3-1.4 s polling,
/// in paired runs).
///
/// Jobs are numbered from 0 in the order posted and run in that order; the client decides how
/// many may be in flight (``awaitCompletion(of:)`` before ``post()``).
final class HandoffThread: Sendable {
    /// How long a side polls before it sleeps: longer than one job of an import (about 1 ms
    /// for 1,024 values), so two busy threads never sleep, yet short enough that an idle
    /// worker costs nothing noticeable.
    static let spinLimit: Duration = .milliseconds(2)

    /// Jobs posted and jobs completed so far; they differ while jobs wait or run.
    private let posted = Atomic<Int>(0)
    private let completed = Atomic<Int>(0)
    private let stopping = Atomic<Bool>(false)
    /// Wake a sleeping side. Signals may pile up when nobody sleeps: each side re-checks
    /// its counter after waking, so a stale signal costs one extra poll.
    private let work = DispatchSemaphore(value: 0)
    private let done = DispatchSemaphore(value: 0)
    private let exited = DispatchSemaphore(value: 0)

    /// Starts the thread; `job` runs on it once per ``post()``, given the job's number.
    init(name: String, job: @escaping @Sendable (Int) -> Void) {
        let thread = Thread { [self] in run(job) }
        thread.name = name
        thread.start()
    }

    /// The number the next job posted will have: how many were posted so far. Read it on the
    /// posting thread.
    var nextJob: Int { posted.load(ordering: .relaxed) }

    /// Hands the next job over. The caller must not touch what the job uses until
    /// ``awaitCompletion(of:)`` of its number returns.
    func post() {
        posted.add(1, ordering: .releasing)
        work.signal()
    }

    /// Waits until job `number` has run (at once when `number` is negative).
    func awaitCompletion(of number: Int) {
        Self.poll(until: { completed.load(ordering: .acquiring) > number }, sleepingOn: done)
    }

    /// Waits until every job posted has run.
    func awaitCompletion() {
        awaitCompletion(of: nextJob - 1)
    }

    /// Ends the thread once every job posted has run; returns when it has ended.
    func stop() {
        awaitCompletion()
        stopping.store(true, ordering: .releasing)
        work.signal()
        exited.wait()
    }

    private func run(_ job: (Int) -> Void) {
        var seen = 0
        while true {
            Self.poll(
                until: { posted.load(ordering: .acquiring) > seen || stopping.load(ordering: .acquiring) },
                sleepingOn: work)
            guard posted.load(ordering: .acquiring) > seen else { break }
            job(seen)
            seen += 1
            completed.store(seen, ordering: .releasing)
            done.signal()
        }
        exited.signal()
    }

    /// Polls `condition`, yielding the core between polls, for up to ``spinLimit``; then
    /// sleeps on `semaphore` until a signal, and polls again.
    private static func poll(until condition: () -> Bool, sleepingOn semaphore: DispatchSemaphore) {
        if condition() { return }
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: spinLimit)
        var polls = 0
        var sleeps = false
        while !condition() {
            if sleeps {
                semaphore.wait()
            } else {
                sched_yield()
                polls += 1
                sleeps = polls & 15 == 0 && clock.now >= deadline
            }
        }
    }
}
