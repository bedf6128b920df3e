import ArgumentParser
import FlywheelMessaging
import Foundation

/// `flywheel flows …`: lifecycle flow files (docs/flows.md).
struct FlowsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flows",
        abstract: "Lifecycle flows: check flow files and preview their messages.",
        subcommands: [Validate.self, Preview.self, Report.self, WebhookSecret.self]
    )

    /// The shipped templates, overridden file by file by `folder` (a shop's own templates).
    static func templates(_ folder: String?) throws -> MessageTemplates {
        do {
            return try MessageTemplates.bundled(overriddenBy: folder.map { URL(fileURLWithPath: $0) })
        } catch let error as TemplateError {
            throw CommandFailure("--templates: \(error.description)")
        }
    }
}

/// A failure the command reports as `error: …` on standard error with exit code 1.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }

    /// Prints the message and gives the exit code.
    static func report(_ error: CommandFailure) -> ExitCode {
        FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
        return ExitCode(1)
    }
}
