import FlywheelCore
import FlywheelStore
import Foundation
import Testing

/// What PostgreSQL adds to the contract: batches that run at the same time, and instants kept to the
/// millisecond on both sides of PostgreSQL's epoch.
// Skipped, with this reason, when no server is configured (scripts/test always configures one).
@Suite(
    "PostgreSQL store: concurrent ingest",
    .enabled(if: PostgresTestServer.isConfigured, "FLYWHEEL_TEST_POSTGRES_URL is not set (scripts/test sets it)"))
struct PostgresStoreIngestTests {
    static func date(day: Int, second: Int = 0) -> Date {
        Date(timeIntervalSince1970: TimeInterval(1_704_067_200 + day * 86_400 + second))
    }

    /// Batch `b` of round `round`: a record of each of 200 shared customers, telling one field only (so every
    /// batch's merge must survive), and 500 orders spread over 300 shared customers.
    static func overlappingBatch(_ b: Int, round: Int) -> IngestBatch {
        let customers = (0..<200).map { i in
            Customer(
                externalID: "r\(round)-c\(i)", email: b == 0 ? "c\(i)@example.com" : nil,
                firstName: b == 1 ? "Ada \(i)" : nil, lastName: b == 2 ? "Lovelace" : nil,
                locale: b == 3 ? .de : nil, createdAt: date(day: 100 + b))
        }
        let orders = (0..<500).map { i in
            Order(
                externalID: "r\(round)-b\(b)-o\(i)", customerExternalID: "r\(round)-c\((i * 7 + b * 13) % 300)",
                placedAt: date(day: b * 10 + i % 10, second: i), currency: .eur,
                lineItems: [LineItem(sku: "SKU-\(i % 5)", title: "Tea", quantity: 1, totalMinor: 1_000)],
                subtotalMinor: 1_000, totalMinor: 1_000)
        }
        return IngestBatch(customers: customers, orders: orders)
    }

    @Test("batches on the same customers at once: none fails or deadlocks, every merge survives")
    func concurrentOverlappingBatches() async throws {
        try await PostgresTestServer.withStore { store in
            try await store.migrate()
            let reference = InMemoryStore()
            for round in 0..<3 {
                let batches = (0..<4).map { Self.overlappingBatch($0, round: round) }
                let counts = try await withThrowingTaskGroup(of: IngestCounts.self) { group in
                    for batch in batches { group.addTask { try await store.ingest(batch) } }
                    return try await group.reduce(IngestCounts(), +)
                }
                // Each customer is created by exactly one of the batches, whichever came first.
                #expect(counts.customers.created == 300)
                #expect(counts.orders == UpsertTally(created: 2_000))
                // The outcome is the one of any sequential order: merges are commutative here.
                for batch in batches { _ = try await reference.ingest(batch) }
                for i in [0, 1, 99, 199, 200, 299] {
                    let id = "r\(round)-c\(i)"
                    let stored = try await store.customer(externalID: id)
                    #expect(stored == (try await reference.customer(externalID: id)))
                    if i < 200 {
                        #expect(stored?.email != nil && stored?.firstName != nil && stored?.lastName != nil)
                        #expect(stored?.locale == .de)
                    }
                    #expect(
                        try await store.orders(customerExternalID: id)
                            == (try await reference.orders(customerExternalID: id)))
                }
            }
            let status = try await store.status()
            #expect(status.customers == 900 && status.orders == 6_000)
            #expect(try await store.retentionSnapshot() == (try await reference.retentionSnapshot()))
        }
    }

    @Test("the same idempotency key saved at once: the first answer wins for everyone")
    func concurrentIdempotencyRecords() async throws {
        try await PostgresTestServer.withStore { store in
            try await store.migrate()
            let records = (0..<8).map { i in
                IdempotencyRecord(
                    key: "key_a:42", requestHash: "h\(i)", statusCode: 200 + i, body: Data("answer \(i)".utf8),
                    createdAt: Self.date(day: 1, second: i))
            }
            let answers = try await withThrowingTaskGroup(of: IdempotencyRecord.self) { group in
                for record in records { group.addTask { try await store.saveIdempotencyRecord(record) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let stored = try #require(try await store.idempotencyRecord(key: "key_a:42"))
            #expect(records.contains(stored))
            #expect(answers.allSatisfy { $0 == stored })
        }
    }

    @Test("the same webhook delivery recorded at once: recorded once")
    func concurrentWebhookReceipts() async throws {
        try await PostgresTestServer.withStore { store in
            try await store.migrate()
            let receipts = (0..<8).map { i in
                WebhookReceipt(
                    id: "shopify:b54557e4", topic: "orders/create", receivedAt: Self.date(day: 1, second: i),
                    outcome: "stored \(i)")
            }
            let recorded = try await withThrowingTaskGroup(of: Bool.self) { group in
                for receipt in receipts { group.addTask { try await store.recordWebhookReceipt(receipt) } }
                return try await group.reduce(into: 0) { $0 += $1 ? 1 : 0 }
            }
            #expect(recorded == 1)
            #expect(receipts.contains(try #require(try await store.webhookReceipt(id: "shopify:b54557e4"))))
        }
    }

    @Test("instants keep the millisecond, before 1970 and 2000 too; finer fractions round to it")
    func instantsKeepTheMillisecond() async throws {
        try await PostgresTestServer.withStore { store in
            try await store.migrate()
            let instants = [
                Date(timeIntervalSince1970: 1_704_067_200.123), Date(timeIntervalSince1970: 946_684_799.999),
                Date(timeIntervalSince1970: -86_400.5), Date(timeIntervalSince1970: 0),
            ]
            let orders = instants.enumerated().map { index, instant in
                Order(
                    externalID: "t\(index)", customerExternalID: "c\(index)", placedAt: instant, currency: .eur,
                    subtotalMinor: 100, totalMinor: 100)
            }
            _ = try await store.ingest(IngestBatch(orders: orders))
            for order in orders { #expect(try await store.order(externalID: order.externalID) == order) }
            #expect(try await store.ingest(IngestBatch(orders: orders)).orders == UpsertTally(unchanged: 4))

            var fine = orders[0]
            fine.externalID = "fine"
            fine.placedAt = Date(timeIntervalSince1970: 1_704_067_200.1236)
            _ = try await store.ingest(IngestBatch(orders: [fine]))
            let stored = try #require(try await store.order(externalID: "fine"))
            #expect(stored.placedAt == Date(timeIntervalSince1970: 1_704_067_200.124))
            #expect(try await store.customer(externalID: "c0")?.createdAt == instants[0])
        }
    }
}
