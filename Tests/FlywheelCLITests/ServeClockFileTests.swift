import Foundation
import Testing

/// `flywheel serve --clock-file FILE` (hidden, for end-to-end tests): docs/flows.md, "End to end".
@Suite("flywheel serve --clock-file (the real binary)")
struct ServeClockFileTests {
    @Test("an unreadable or malformed clock file stops the start, naming the file; from the flag or the environment")
    func unusableFileStopsStart() async throws {
        let directory = FlywheelBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = directory.appendingPathComponent("no-such-clock").path
        let result = try await FlywheelBinary.run(["serve", "--port", "0", "--clock-file", missing], in: directory)
        #expect(result.status != 0)
        #expect(result.stderr.contains("the clock file \(missing) cannot be read"))
        #expect(!result.stdout.contains("listening"))

        let malformed = directory.appendingPathComponent("clock")
        try Data("next tuesday\n".utf8).write(to: malformed)
        let fromEnvironment = try await FlywheelBinary.run(
            ["serve", "--port", "0"], in: directory, environment: ["FLYWHEEL_CLOCK_FILE": malformed.path])
        #expect(fromEnvironment.status != 0)
        #expect(fromEnvironment.stderr.contains(#"the clock file \#(malformed.path) holds "next tuesday""#))
        #expect(!fromEnvironment.stdout.contains("listening"))
    }

    @Test("the option is hidden from the help")
    func hiddenFromHelp() async throws {
        let directory = FlywheelBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let help = try await FlywheelBinary.run(["serve", "--help"], in: directory)
        #expect(help.status == 0)
        #expect(help.stdout.contains("--flow-interval"))
        #expect(!help.stdout.contains("clock"))
    }

    @Test("a usable file starts the server with a warning naming the file and the instant it reads")
    func usableFileWarns() throws {
        let directory = FlywheelBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let clock = directory.appendingPathComponent("clock")
        try Data("2031-01-01T00:00:00Z\n".utf8).write(to: clock)
        let (process, out, err) = FlywheelBinary.process(
            ["serve", "--port", "0", "--log-level", "warning", "--no-dashboard", "--clock-file", clock.path], in: directory)
        try process.run()
        var text = ""
        let deadline = Date().addingTimeInterval(30)
        while !text.contains("listening"), Date() < deadline {
            let data = out.fileHandleForReading.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
        }
        #expect(text.contains("listening on http://127.0.0.1:"))
        process.terminate()
        let log = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(log.contains("test clock in use: now is read from \(clock.path) (now: 2031-01-01T00:00:00Z)"))
    }
}
