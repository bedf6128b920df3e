import ArgumentParser
import FlywheelCore
import FlywheelServer
import Foundation

/// `flywheel outbox …`: the outbox's dead letters — messages that failed for good (docs/messaging.md).
struct OutboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox", abstract: "List, retry or discard the outbox's dead letters.",
        discussion: """
            Examples:
              flywheel outbox dead-letters
              flywheel outbox dead-letters --json --limit 500
              flywheel outbox retry 7c1e…
              flywheel outbox discard 7c1e…
            """,
        subcommands: [DeadLetters.self, Retry.self, Discard.self])

    /// `flywheel outbox dead-letters [--json] [--limit N]`
    struct DeadLetters: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "dead-letters",
            abstract: "List messages that failed for good, most recently failed first.",
            discussion: "Customer, channel, template, attempts and the last error; never the body or the address.")

        @Flag(help: "Print JSON (a list of dead letters) instead of a table.")
        var json = false

        @Option(help: "At most this many (default 100).")
        var limit = 100

        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        }

        func run() async throws {
            let desk = try await OutboxCommand.desk(database)
            let items = try await desk.page(after: nil, limit: limit).items
            if json {
                try JSONOutput.print(items)
                return
            }
            guard !items.isEmpty else {
                print("No dead letters.")
                return
            }
            for item in items {
                let what = [item.channel, item.messageClass, item.templateID, item.flowID.map { "flow \($0)" }]
                    .compactMap { $0 }.joined(separator: ", ")
                print("\(item.id)  customer \(item.customerID)  \(what)")
                print("    failed \(Format.timestamp(item.failedAt)) after \(item.attempts) attempt(s): \(item.lastError ?? "-")")
            }
            if items.count == limit { print("(the first \(limit); --limit for more)") }
        }
    }

    /// `flywheel outbox retry ID`
    struct Retry: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "retry",
            abstract: "Queue a dead letter again, due now, its attempts counted from zero.",
            discussion: "A running `flywheel serve` delivers it; the customer's timeline records the retry.")

        @Argument(help: "The message's id (from `flywheel outbox dead-letters`).")
        var id: String

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let desk = try await OutboxCommand.desk(database)
            try OutboxCommand.check(try await desk.retry(id: id, now: Date()), id: id)
            print("Queued \(id) again.")
        }
    }

    /// `flywheel outbox discard ID`
    struct Discard: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "discard",
            abstract: "Give a dead letter up for good (kept as discarded, never sent).")

        @Argument(help: "The message's id (from `flywheel outbox dead-letters`).")
        var id: String

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let desk = try await OutboxCommand.desk(database)
            try OutboxCommand.check(try await desk.discard(id: id, now: Date()), id: id)
            print("Discarded \(id).")
        }
    }

    static func desk(_ database: DatabaseOptions) async throws -> DeadLetterDesk {
        let store = try await database.openStore()
        guard let desk = DeadLetterDesk(store: store) else { throw ValidationError("this database keeps no outbox") }
        return desk
    }

    static func check(_ result: DeadLetterDesk.Result, id: String) throws {
        switch result {
        case .done: return
        case .unknown: throw ValidationError("no outbox message with the id \(id) in this database")
        case .notDead(let status):
            throw ValidationError("the message \(id) is \(status.rawValue), not a dead letter")
        }
    }
}
