import FlywheelAnalytics
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The phases of a command and how long each took, for `--timing` (standard error): wall clock from the
/// timer's start, and CPU time — of the whole process for a phase the command runs in sequence (whatever
/// threads it starts), of the running thread for a piece that runs beside others (a report section, a step
/// of the CLV section). Pieces of the analytics are heard through `ReportWorkObserver`, so the analytics
/// keep no clock of their own.
final class PhaseTimer: ReportWorkObserver {
    /// One measured phase or piece.
    struct Entry {
        var name: String
        /// Seconds from the timer's start.
        var start: Double
        var wall: Double
        var cpu: Double
        /// Whether `cpu` is the process's (all threads) or the measuring thread's alone.
        var processCPU: Bool
    }

    private let origin = PhaseTimer.monotonic()
    private let entries = Mutex<[Entry]>([])

    /// Runs `work` as a phase of the command: wall clock and the process's CPU time.
    func phase<T, E: Error>(_ name: String, _ work: () throws(E) -> T) throws(E) -> T {
        let started = (wall: Self.monotonic(), cpu: ProcessTimes.cpuSeconds())
        defer { recordPhase(name, started) }
        return try work()
    }

    /// `phase` for asynchronous work.
    func phase<T>(_ name: String, _ work: () async throws -> T) async rethrows -> T {
        let started = (wall: Self.monotonic(), cpu: ProcessTimes.cpuSeconds())
        defer { recordPhase(name, started) }
        return try await work()
    }

    /// Records a phase that started at `started` (monotonic seconds, the process's CPU seconds) and ends now.
    private func recordPhase(_ name: String, _ started: (wall: Double, cpu: Double)) {
        record(Entry(
            name: name, start: started.wall - origin, wall: Self.monotonic() - started.wall,
            cpu: ProcessTimes.cpuSeconds() - started.cpu, processCPU: true))
    }

    /// Runs `work` as a piece beside others: wall clock and the calling thread's CPU time.
    func measure<T, E: Error>(_ name: String, _ work: () throws(E) -> T) throws(E) -> T {
        let start = Self.monotonic()
        let cpu = Self.threadCPU()
        defer {
            record(Entry(
                name: name, start: start - origin, wall: Self.monotonic() - start, cpu: Self.threadCPU() - cpu,
                processCPU: false))
        }
        return try work()
    }

    /// Adds a figure measured by the caller (e.g. the sum of many short pieces on one thread).
    func note(_ name: String, start: Double, wall: Double, cpu: Double, processCPU: Bool) {
        record(Entry(name: name, start: start, wall: wall, cpu: cpu, processCPU: processCPU))
    }

    /// Seconds since the timer started.
    var elapsed: Double { Self.monotonic() - origin }

    /// The phases in order of their start, and the whole so far, on standard error.
    func report() {
        var lines = ["timing:    start     wall      CPU  (seconds; CPU of the process, or [of its thread])"]
        for entry in entries.withLock({ $0 }).sorted(by: { $0.start < $1.start }) {
            let cpu = entry.processCPU ? String(format: "%8.3f ", entry.cpu) : String(format: "[%7.3f]", entry.cpu)
            lines.append(String(format: "timing: %8.3f %8.3f ", entry.start, entry.wall) + cpu + "  " + entry.name)
        }
        lines.append(
            String(format: "timing: %8.3f %8.3f %8.3f   ", 0.0, elapsed, ProcessTimes.cpuSeconds())
                + "total so far (the process's CPU since it started)")
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    private func record(_ entry: Entry) { entries.withLock { $0.append(entry) } }

    /// Seconds on the monotonic clock.
    static func monotonic() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    /// CPU seconds the calling thread has used.
    static func threadCPU() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}
