import Foundation
import Testing

/// Every subcommand names itself (`CommandConfiguration(commandName:)`) instead of letting the argument parser
/// derive the name from the type: deriving it (`String(describing:)` per command, at every start) made the
/// runtime scan the binary's protocol conformances about forty times before any command ran
/// (docs/performance.md, "CDNOW: fixed costs"). The names must stay the ones derived before.
@Suite("flywheel subcommand names (the real binary)")
struct CommandNamesTests {
    @Test(
        "every nested subcommand answers under the name it had",
        arguments: [
            ["admin", "create"], ["admin", "list"], ["keys", "create"], ["keys", "list"], ["keys", "revoke"],
            ["outbox", "dead-letters"], ["outbox", "retry"], ["outbox", "discard"], ["segments", "list"],
            ["segments", "show"], ["segments", "save"], ["segments", "delete"], ["segments", "members"],
            ["customer", "export"], ["customer", "erase"],
        ])
    func nestedName(_ path: [String]) async throws {
        let dir = FlywheelBinary.temporaryDirectory()
        let help = try await FlywheelBinary.run(path + ["--help"], in: dir)
        #expect(help.status == 0, "\(help.stderr)")
        #expect(help.stdout.contains("USAGE: flywheel \(path.joined(separator: " "))"), "\(help.stdout)")
    }

    @Test("the top-level help lists every command by its name")
    func topLevel() async throws {
        let help = try await FlywheelBinary.run(["--help"], in: FlywheelBinary.temporaryDirectory())
        #expect(help.status == 0)
        for name in [
            "demo", "import", "status", "simulate", "serve", "keys", "admin", "clv", "report", "loyalty", "flows",
            "customer", "outbox", "segments",
        ] {
            #expect(help.stdout.contains("\n  \(name) "), "\(name) missing from:\n\(help.stdout)")
        }
    }
}
