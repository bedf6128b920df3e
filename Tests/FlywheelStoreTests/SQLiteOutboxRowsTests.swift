import FlywheelCore
import FlywheelStore
import Foundation
import GRDB
import Testing

/// The outbox's SQLite rows written by the batch path (values bound through SQLite's C API, the headers'
/// JSON written by hand) hold exactly what the single path and `JSONEncoder` would have written.
@Suite("SQLite store: outbox rows")
struct SQLiteOutboxRowsTests {
    static let headers = [
        OutboxHeader(name: "List-Unsubscribe", value: "<https://shop.example/u/a?x=1&y=2>"),
        OutboxHeader(name: "X-Quoted", value: #"say "hi" \ back\slash"#),
        OutboxHeader(name: "X-Controls", value: "t\tn\nr\rb\u{08}f\u{0C}\u{00}\u{01}\u{1B}\u{1F}\u{7F}"),
        OutboxHeader(name: "X-Unicode", value: "Jürgen ✓ 🎉 \u{2028}\u{2029}"),
        OutboxHeader(name: "", value: ""),
    ]

    static func message(_ id: String, headers: [OutboxHeader]) -> OutboxMessage {
        OutboxMessage(
            id: id, idempotencyKey: "enr_\(id)/send/1", customerID: "c1", channel: .email, messageClass: "marketing",
            recipient: "juergen@example.com",
            content: OutboxContent(subject: "Danke ✓", text: "Hallo\r\n", html: "<p>Hallo</p>", headers: headers),
            templateID: "review_request", locale: "de", flowID: "post_purchase", stepID: "review",
            createdAt: Date(timeIntervalSince1970: 1_772_445_600.123))
    }

    @Test("the headers column is byte for byte JSONEncoder's output (sorted keys, slashes unescaped)")
    func headersMatchJSONEncoder() async throws {
        try await TemporaryDirectory.with { directory in
            let path = directory.path("flywheel.sqlite")
            let store = try SQLiteStore(path: path)
            try await store.migrate()
            let cases: [[OutboxHeader]] = [Self.headers, [], [Self.headers[0]]]
            let messages = cases.enumerated().map { Self.message("m\($0.offset)", headers: $0.element) }
            #expect(try await store.enqueue(messages).allSatisfy(\.isNew))
            try store.close()

            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let stored = try await DatabaseQueue(path: path).read { db in
                try String.fetchAll(db, sql: "SELECT headers FROM outbox_messages ORDER BY id")
            }
            #expect(stored == (try cases.map { String(decoding: try encoder.encode($0), as: UTF8.self) }))
        }
    }

    @Test("a batch-inserted row equals the singly inserted one in every column")
    func batchRowEqualsSingleRow() async throws {
        try await TemporaryDirectory.with { directory in
            let path = directory.path("flywheel.sqlite")
            let store = try SQLiteStore(path: path)
            try await store.migrate()
            var sms = OutboxMessage(
                id: "s", idempotencyKey: "enr_s/send/1", customerID: "c2", channel: .sms, messageClass: "service",
                recipient: "+4915112345678", content: OutboxContent(text: "Unterwegs"),
                createdAt: Date(timeIntervalSince1970: 1_772_445_600), notBefore: Date(timeIntervalSince1970: 1_772_449_200))
            _ = try await store.enqueue(Self.message("single", headers: Self.headers))
            _ = try await store.enqueue(sms)
            sms.id = "s2"
            sms.idempotencyKey = "enr_s2/send/1"
            _ = try await store.enqueue([Self.message("batch", headers: Self.headers), sms])
            try store.close()

            let rows = try DatabaseQueue(path: path).read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM outbox_messages ORDER BY id")
            }
            func columns(_ row: Row) -> [String: DatabaseValue] {
                var values: [String: DatabaseValue] = [:]
                for (column, value) in row where !["id", "idempotency_key"].contains(column) { values[column] = value }
                return values
            }
            let byID = Dictionary(uniqueKeysWithValues: rows.map { (String.fromDatabaseValue($0["id"])!, $0) })
            #expect(byID.count == 4)
            #expect(columns(try #require(byID["batch"])) == columns(try #require(byID["single"])))
            #expect(columns(try #require(byID["s2"])) == columns(try #require(byID["s"])))
            #expect(try #require(byID["s2"])["body_html"] as DatabaseValue == .null)
        }
    }
}
