public import Foundation
public import Logging
import Synchronization

/// What `flywheel serve` takes for "now": built once at start-up and read by every part of the server (the
/// flows' rounds and sweep, the outbox's delivery, tracking and answer links, consent and link expiry, ingest
/// defaults, the loyalty jobs, the dashboard).
///
/// In production it is the system clock (`ServerClock.system`). For end-to-end tests only (the hidden
/// `--clock-file`), a **test clock** reads a small file that the test rewrites to move time forward without
/// restarting the server, and without libfaketime (whose `LD_PRELOAD` stalls Swift's `Task.sleep`). Sleeps
/// and timeouts stay real; only "now" moves. The file holds one of:
///
/// - an ISO 8601 instant, `2026-11-25T11:00:00Z` (fractional seconds allowed): the clock reads this instant
///   when it first sees it and runs on at real speed from there (like `faketime '@…'`);
/// - an offset in seconds from the system clock, `+259200` or `-3600.5`: the clock is the system clock moved
///   by it.
///
/// The file is read again at most every `recheckInterval` (100 ms), when "now" is asked for; a new content
/// takes effect then. A file that turns unreadable or malformed later keeps the last good setting (logged once
/// per problem); at start-up it is an error, so a test never runs on the real clock by mistake. docs/flows.md,
/// "End to end", says why this is safe to ship.
public final class ServerClock: Sendable {
    /// The system clock.
    public static let system = ServerClock()

    /// The test clock's file, `nil` for the system clock.
    public let testFile: String?

    private let recheckInterval: Duration
    private let logger: Logger?
    private let state: Mutex<FileState?>

    /// What the file said last, and since when (the monotonic instant this content was first seen).
    private struct FileState {
        var setting: Setting
        var content: String
        var since: ContinuousClock.Instant
        var checkedAt: ContinuousClock.Instant
        var problem: String?
    }

    /// A setting of the test clock's file.
    enum Setting: Equatable {
        /// The clock reads this instant when the setting is first seen, then runs on.
        case instant(Date)
        /// The system clock moved by these seconds.
        case offset(TimeInterval)
    }

    private init() {
        testFile = nil
        recheckInterval = .zero
        logger = nil
        state = Mutex(nil)
    }

    /// A test clock reading `path`. Throws `FileError` when the file cannot be read or holds neither an
    /// instant nor an offset; `logger` hears of later problems with the file (the last good setting stays).
    public init(testFile path: String, recheckInterval: Duration = .milliseconds(100), logger: Logger? = nil) throws {
        let content = try Self.read(path)
        let setting = try Self.parse(content, path: path)
        let now = ContinuousClock.now
        testFile = path
        self.recheckInterval = recheckInterval
        self.logger = logger
        state = Mutex(FileState(setting: setting, content: content, since: now, checkedAt: now, problem: nil))
    }

    /// Whether this is a test clock (a file moves it).
    public var isTestClock: Bool { testFile != nil }

    /// The current instant.
    public func now() -> Date {
        guard let testFile else { return Date() }
        let monotonic = ContinuousClock.now
        let (setting, since) = state.withLock { state -> (Setting, ContinuousClock.Instant) in
            guard var current = state else { return (.offset(0), monotonic) }
            if monotonic - current.checkedAt >= recheckInterval {
                current.checkedAt = monotonic
                refresh(&current, path: testFile, at: monotonic)
                state = current
            }
            return (current.setting, current.since)
        }
        switch setting {
        case .instant(let instant):
            let elapsed = (monotonic - since).components
            return instant.addingTimeInterval(Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18)
        case .offset(let seconds):
            return Date().addingTimeInterval(seconds)
        }
    }

    /// Reads the file again; a changed content that parses becomes the setting from `monotonic` on.
    private func refresh(_ current: inout FileState, path: String, at monotonic: ContinuousClock.Instant) {
        do {
            let content = try Self.read(path)
            guard content != current.content else { return }
            current.setting = try Self.parse(content, path: path)
            current.content = content
            current.since = monotonic
            current.problem = nil
        } catch {
            let problem = "\(error)"
            if current.problem != problem {
                current.problem = problem
                logger?.warning("test clock: \(problem); the clock keeps its last setting")
            }
        }
    }

    /// The file's content without surrounding white space.
    static func read(_ path: String) throws -> String {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw FileError(path: path, reason: "cannot be read (\((error as NSError).localizedDescription))")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw FileError(path: path, reason: "is not UTF-8 text")
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// An instant (`2026-11-25T11:00:00Z`) or a signed offset in seconds (`+3600`, `-0.5`).
    static func parse(_ text: String, path: String) throws -> Setting {
        if let sign = text.first, sign == "+" || sign == "-" {
            guard let seconds = TimeInterval(text.dropFirst()), seconds.isFinite, !text.dropFirst().hasPrefix("-"),
                !text.dropFirst().hasPrefix("+")
            else {
                throw FileError(path: path, reason: "holds \"\(text.prefix(40))\", not an offset in seconds such as +3600")
            }
            return .offset(sign == "-" ? -seconds : seconds)
        }
        let plain = ISO8601DateFormatter()
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        guard let instant = plain.date(from: text) ?? fractional.date(from: text) else {
            throw FileError(
                path: path,
                reason: "holds \"\(text.prefix(40))\", neither an ISO 8601 instant (2026-11-25T11:00:00Z) nor an offset (+3600)")
        }
        return .instant(instant)
    }

    /// The test clock's file could not be used.
    public struct FileError: Error, CustomStringConvertible, Equatable {
        /// The file.
        public var path: String
        /// What is wrong with it.
        public var reason: String

        public var description: String { "the clock file \(path) \(reason)" }
    }
}
