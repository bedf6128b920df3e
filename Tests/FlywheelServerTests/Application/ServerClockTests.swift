import Foundation
import Testing

@testable import FlywheelServer

@Suite("ServerClock")
struct ServerClockTests {
    /// A clock file in a fresh folder holding `content`; the folder is removed after `body`.
    private func withClockFile(_ content: String, _ body: (String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("clock-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("clock").path
        try write(content, to: path)
        try body(path)
    }

    /// Replaces the file at once (written aside, then renamed), as the end-to-end test does.
    private func write(_ content: String, to path: String) throws {
        try Data(content.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    private func instant(_ text: String) throws -> Date {
        try #require(ISO8601DateFormatter().date(from: text))
    }

    @Test("the system clock is the system's time and no test clock")
    func systemClock() {
        #expect(!ServerClock.system.isTestClock)
        #expect(ServerClock.system.testFile == nil)
        #expect(abs(ServerClock.system.now().timeIntervalSinceNow) < 1)
    }

    @Test("an instant in the file is now when first read, and the clock runs on from it")
    func instantRunsOn() throws {
        try withClockFile("2030-01-02T03:04:05Z\n") { path in
            let clock = try ServerClock(testFile: path)
            #expect(clock.isTestClock)
            let start = try instant("2030-01-02T03:04:05Z")
            let first = clock.now()
            #expect(first >= start && first < start.addingTimeInterval(1))
            Thread.sleep(forTimeInterval: 0.15)
            let later = clock.now()
            #expect(later.timeIntervalSince(first) >= 0.14 && later < start.addingTimeInterval(2))
        }
    }

    @Test("an instant with fractional seconds is read exactly")
    func fractionalInstant() throws {
        try withClockFile("2030-01-02T03:04:05.250Z") { path in
            let clock = try ServerClock(testFile: path)
            let offset = clock.now().timeIntervalSince(try instant("2030-01-02T03:04:05Z"))
            #expect(offset >= 0.25 && offset < 1.25)
        }
    }

    @Test("an offset moves the system clock by that many seconds, either way")
    func offsets() throws {
        try withClockFile("+86400") { path in
            let moved = try ServerClock(testFile: path).now().timeIntervalSinceNow
            #expect(abs(moved - 86_400) < 1)
        }
        try withClockFile("-3600.5") { path in
            let moved = try ServerClock(testFile: path).now().timeIntervalSinceNow
            #expect(abs(moved + 3_600.5) < 1)
        }
    }

    @Test("a new content moves the clock without a restart; the same content written again does not reset it")
    func rereadsTheFile() throws {
        try withClockFile("2030-01-02T03:04:05Z") { path in
            let clock = try ServerClock(testFile: path, recheckInterval: .milliseconds(10))
            try write("2030-01-05T10:00:00Z", to: path)
            Thread.sleep(forTimeInterval: 0.05)
            let moved = clock.now()
            let day3 = try instant("2030-01-05T10:00:00Z")
            #expect(moved >= day3 && moved < day3.addingTimeInterval(1))
            Thread.sleep(forTimeInterval: 0.2)
            try write("2030-01-05T10:00:00Z", to: path)
            Thread.sleep(forTimeInterval: 0.05)
            #expect(clock.now().timeIntervalSince(day3) >= 0.24)
            try write("+7200", to: path)
            Thread.sleep(forTimeInterval: 0.05)
            #expect(abs(clock.now().timeIntervalSinceNow - 7_200) < 1)
        }
    }

    @Test("the file is read at most once per recheck interval")
    func recheckInterval() throws {
        try withClockFile("2030-01-02T03:04:05Z") { path in
            let clock = try ServerClock(testFile: path, recheckInterval: .seconds(3_600))
            try write("2040-01-01T00:00:00Z", to: path)
            #expect(clock.now() < (try instant("2031-01-01T00:00:00Z")))
        }
    }

    @Test("a file turned unreadable or malformed later keeps the last good setting")
    func keepsLastGoodSetting() throws {
        try withClockFile("2030-01-02T03:04:05Z") { path in
            let clock = try ServerClock(testFile: path, recheckInterval: .milliseconds(1))
            let start = try instant("2030-01-02T03:04:05Z")
            try write("tomorrow", to: path)
            Thread.sleep(forTimeInterval: 0.01)
            #expect(abs(clock.now().timeIntervalSince(start)) < 1)
            try FileManager.default.removeItem(atPath: path)
            Thread.sleep(forTimeInterval: 0.01)
            #expect(abs(clock.now().timeIntervalSince(start)) < 1)
            try write("2030-02-01T00:00:00Z", to: path)
            Thread.sleep(forTimeInterval: 0.01)
            #expect(abs(clock.now().timeIntervalSince(try instant("2030-02-01T00:00:00Z"))) < 1)
        }
    }

    @Test("a missing file stops the start, naming the file")
    func missingFile() {
        let path = "/nonexistent/flywheel-clock-\(UUID().uuidString)"
        #expect {
            _ = try ServerClock(testFile: path)
        } throws: { error in
            guard let error = error as? ServerClock.FileError else { return false }
            return error.path == path && error.description.contains(path) && error.reason.hasPrefix("cannot be read")
        }
    }

    @Test(
        "neither an instant nor an offset stops the start, quoting what the file holds",
        arguments: ["", "tomorrow", "2030-01-02", "++5", "+-5", "+5s", "+inf", "+nan", "12:00"])
    func malformedFile(content: String) throws {
        try withClockFile(content) { path in
            #expect {
                _ = try ServerClock(testFile: path)
            } throws: { error in
                guard let error = error as? ServerClock.FileError else { return false }
                return error.path == path && error.reason.contains("holds \"\(content)\"")
            }
        }
    }
}
