import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// A finished child process: wall time from spawn to exit, its own peak resident memory.
struct ChildRun {
    var seconds: Double
    var peakBytes: Int
    var status: Int32
}

/// Runs `arguments` (argv[0] a path or a name on PATH) and waits with `wait4`, whose rusage is
/// the child's own: peak memory of one process, not the runner's.
///
/// First flushes the files written so far to disk (`sync`), so that no step pays for the
/// write-back of the one before (an L import leaves about 600 MB to write).
func spawn(_ arguments: [String], stdoutPath: String? = nil, stderrPath: String? = nil, environment: [String: String] = [:]) throws -> ChildRun {
    sync()
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    if let stdoutPath {
        posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    }
    if let stderrPath {
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    }
    var env = ProcessInfo.processInfo.environment
    for (k, v) in environment { env[k] = v }
    let envStrings = env.map { "\($0)=\($1)" }
    let argv = arguments.map { strdup($0) } + [nil]
    let envp = envStrings.map { strdup($0) } + [nil]
    defer {
        for p in argv { free(p) }
        for p in envp { free(p) }
    }
    var pid: pid_t = 0
    let start = DispatchTime.now().uptimeNanoseconds
    let rc = posix_spawnp(&pid, arguments[0], &actions, nil, argv, envp)
    guard rc == 0 else { throw BenchError("cannot start \(arguments[0]): \(String(cString: strerror(rc)))") }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 {
        guard errno == EINTR else { throw BenchError("wait4 failed for \(arguments[0])") }
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return ChildRun(seconds: seconds, peakBytes: Int(usage.ru_maxrss) * 1024, status: exit)
}

/// This process's peak resident memory (VmHWM).
func ownPeakBytes() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in text.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let digits = line.filter(\.isNumber)
        return (Int(digits) ?? 0) * 1024
    }
    return 0
}

/// Seconds since `start` (a `DispatchTime` in nanoseconds).
func since(_ start: UInt64) -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
