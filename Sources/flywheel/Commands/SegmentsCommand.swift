import ArgumentParser
import FlywheelAnalytics
import FlywheelCore
import Foundation

/// `flywheel segments`: the saved rule-based segments, as `/api/v1/segments` has them, straight on the database.
struct SegmentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segments", abstract: "List, show, save, delete saved segments and list their members.",
        discussion: """
            The same segments, rules and checks as /api/v1/segments (docs/flows.md, "Saved segments"); a running \
            `flywheel serve` on the same database takes changes over within its sync interval.
            Examples:
              flywheel segments save repeaters --rule '{"match": "all", "conditions": [{"field": "orders", "comparison": ">=", "value": 2}]}'
              flywheel segments save big-spenders --rule-file big.json
              flywheel segments list
              flywheel segments members repeaters --json
              flywheel segments delete repeaters
            """,
        subcommands: [List.self, Show.self, Save.self, Delete.self, Members.self])

    /// `flywheel segments list [--json]`
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Every saved segment, by name.")

        @Flag(help: "Print JSON ({\"segments\": [...]}, as GET /api/v1/segments) instead of text.")
        var json = false

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let store = try await database.openStore()
            let documents = try await store.segments().map(SegmentDocument.init)
            if json {
                try JSONOutput.print(SegmentList(segments: documents))
                return
            }
            guard !documents.isEmpty else {
                print("No saved segments.")
                return
            }
            for document in documents { print(document.line) }
        }
    }

    /// `flywheel segments show NAME [--json]`
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "One saved segment: its rule and who changed it when.")

        @Argument(help: "The segment's name.")
        var name: String

        @Flag(help: "Print JSON (as GET /api/v1/segments/{name}) instead of text.")
        var json = false

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let store = try await database.openStore()
            guard let stored = try await store.segment(named: name) else { throw SegmentsCommand.unknown(name) }
            let document = SegmentDocument(stored)
            if json { try JSONOutput.print(document) } else { print(document.line) }
        }
    }

    /// `flywheel segments save NAME (--rule JSON | --rule-file FILE) [--json]`
    struct Save: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "save",
            abstract: "Save (create or replace) a saved segment's rule.",
            discussion: """
                The rule is the API's: {"match": "all"|"any", "conditions": [{"field", "comparison", "value"}]} \
                (or the API's body, {"rule": {...}}); the fields are those of docs/metrics.md. A mistake is named \
                by its JSON pointer and reason, as the API's 422: /rule/conditions/1: … Nothing is stored then.
                """)

        @Argument(help: "The segment's name: 1–64 characters of A–Z, a–z, 0–9, '.', '_', '-', not a built-in segment's.")
        var name: String

        @Option(help: ArgumentHelp("The rule as JSON.", valueName: "json"))
        var rule: String?

        @Option(help: ArgumentHelp("A file holding the rule as JSON ('-' for standard input).", valueName: "file"))
        var ruleFile: String?

        @Flag(help: "Print the stored segment as JSON (as PUT /api/v1/segments/{name} answers) instead of text.")
        var json = false

        @Option(help: "Who saved it, as the segment records (default cli).")
        var by = "cli"

        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            guard (rule == nil) != (ruleFile == nil) else { throw ValidationError("give the rule with --rule or --rule-file (one of them)") }
        }

        func run() async throws {
            let text: Data
            if let rule {
                text = Data(rule.utf8)
            } else if ruleFile == "-" {
                text = FileHandle.standardInput.readDataToEndOfFile()
            } else {
                let path = ruleFile ?? ""
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw ValidationError("--rule-file: \(path) cannot be read")
                }
                text = data
            }
            let segment = try SegmentRuleInput.segment(name: name, json: text)
            let store = try await database.openStore()
            let existed = try await store.segment(named: name) != nil
            let stored = try await store.saveSegment(segment.stored(at: Date(), by: by))
            if json {
                try JSONOutput.print(SegmentDocument(stored))
            } else {
                print("\(existed ? "Replaced" : "Created") segment \(name): \(SegmentDocument(stored).ruleText)")
            }
        }
    }

    /// `flywheel segments delete NAME`
    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "delete",
            abstract: "Delete a saved segment (refused while a scheduled or running send names it).")

        @Argument(help: "The segment's name.")
        var name: String

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let store = try await database.openStore()
            let due = try await store.dueCampaigns(now: .distantFuture)
            if let waiting = due.first(where: { $0.names(savedSegment: name) }) {
                throw ValidationError(
                    "The scheduled send \(waiting.campaign) of flow \(waiting.flowID) names this segment; cancel it first.")
            }
            guard try await store.deleteSegment(named: name) else { throw SegmentsCommand.unknown(name) }
            print("Deleted segment \(name).")
        }
    }

    /// `flywheel segments members NAME [--json] [--limit N]`
    struct Members: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "members",
            abstract: "The members of a saved segment now (customer ids in byte order).",
            discussion: "Evaluated over the database's order history, as GET /api/v1/segments/{name}/members without the dashboard.")

        @Argument(help: "The segment's name.")
        var name: String

        @Flag(help: "Print JSON ({\"segment\", \"count\", \"items\"}) instead of one id a line.")
        var json = false

        @Option(help: "At most this many (default: all).")
        var limit: Int?

        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
        }

        func run() async throws {
            let store = try await database.openStore()
            guard let stored = try await store.segment(named: name) else { throw SegmentsCommand.unknown(name) }
            let segment: SavedSegment
            do {
                segment = try SavedSegment(stored)
            } catch {
                throw ValidationError("segment \(name): \(error.reason)")
            }
            let settings = try await store.shopSettings() ?? .defaults
            var table = OrderTable(settings: settings)
            try await store.readHistory { table.add($0) }
            var engine = AnalyticsEngine(table: table)
            var members = try engine.saveSegment(segment, asOf: Date()).sorted(by: KeyOrder.precedes)
            let count = members.count
            if let limit { members = Array(members.prefix(limit)) }
            if json {
                try JSONOutput.print(MemberList(segment: name, count: count, items: members))
                return
            }
            for member in members { print(member) }
            if members.count < count { print("(\(members.count) of \(count); --limit for more)") }
        }
    }

    static func unknown(_ name: String) -> ArgumentParser.ValidationError {
        ValidationError("There is no saved segment of this name: \(name)")
    }
}

/// A saved segment as the CLI prints it (the API's `SavedSegment`).
struct SegmentDocument: Encodable {
    var name: String
    var rule: SegmentRule?
    var createdAt: Date
    var updatedAt: Date
    var updatedBy: String
    /// Why the stored rule does not read (never for a segment saved through the checks).
    var problem: String?

    init(_ stored: StoredSegment) {
        name = stored.name
        createdAt = stored.createdAt
        updatedAt = stored.updatedAt
        updatedBy = stored.updatedBy
        do {
            rule = try SavedSegment(stored).rule
        } catch {
            problem = error.reason
        }
    }

    enum CodingKeys: String, CodingKey {
        case name, rule, problem
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case updatedBy = "updated_by"
    }

    /// `orders >= 2 and net_spent > 10000`.
    var ruleText: String {
        guard let rule else { return "unreadable: \(problem ?? "")" }
        guard !rule.conditions.isEmpty else { return rule.match == .all ? "everyone" : "nobody" }
        return rule.conditions.map { "\($0.field.rawValue) \($0.comparison.rawValue) \($0.value)" }
            .joined(separator: rule.match == .all ? " and " : " or ")
    }

    /// One line of text: name, rule, last change.
    var line: String {
        "\(name)  \(ruleText)  (updated \(Format.timestamp(updatedAt)) by \(updatedBy))"
    }
}

struct SegmentList: Encodable {
    var segments: [SegmentDocument]
}

struct MemberList: Encodable {
    var segment: String
    var count: Int
    var items: [String]
}
