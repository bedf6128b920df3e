import Foundation
import Testing

/// `flywheel serve --flows DIR`: the folder is checked before the server starts.
@Suite("flywheel serve --flows (the real binary)")
struct ServeFlowsCommandTests {
    @Test("a broken flow file stops the start, naming the file, the step and the key; exit code 1")
    func brokenFlowStopsStart() async throws {
        let flows = try FlowsCommandTests.folder([
            "bad.json": FlowsCommandTests.bad,
            "vip.json": try String(contentsOfFile: FlowsCommandTests.examples + "/vip.json", encoding: .utf8),
        ])
        defer { try? FileManager.default.removeItem(at: flows) }
        let directory = FlywheelBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try await FlywheelBinary.run(["serve", "--port", "0", "--flows", flows.path], in: directory)
        #expect(result.status == 1)
        #expect(result.stderr.contains(#"bad.json: steps[0] "wait_review": wait.until_event.timeout: must be positive"#))
        #expect(result.stderr.contains(#"bad.json: steps[1] "send": send_email.subject.en: missing subject for locale en"#))
        #expect(!result.stderr.contains("vip.json"))
        #expect(!result.stdout.contains("listening"))

        // The same from the environment.
        let fromEnvironment = try await FlywheelBinary.run(
            ["serve", "--port", "0"], in: directory, environment: ["FLYWHEEL_FLOWS": flows.path])
        #expect(fromEnvironment.status == 1)
        #expect(fromEnvironment.stderr.contains("bad.json: id: must be 1–64 characters"))
    }

    @Test("the seeds' library starts: the flows are named, SIGTERM stops the server")
    func libraryStarts() async throws {
        let directory = FlywheelBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (process, out, _) = FlywheelBinary.process(
            ["serve", "--port", "0", "--log-level", "error", "--flows", FlowsCommandTests.examples, "--flow-interval", "5"],
            in: directory)
        try process.run()
        var text = ""
        let deadline = Date().addingTimeInterval(30)
        while !text.contains("win_back v1"), Date() < deadline {
            let data = out.fileHandleForReading.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
        }
        #expect(text.contains("listening on http://127.0.0.1:"))
        #expect(text.contains("Flows: abandoned_cart v1, birthday v1, delivery_check_in v1"))
        #expect(text.contains("win_back v1"))
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}
