import FlywheelCore
import Foundation
import Testing

extension StoreConformance {
    static func apiKeysLifecycle(_ store: any FlywheelStore) async throws {
        let store = try await migrated(store)
        let first = APIKey(
            id: "key_a", name: "Shopify sync", scopes: [.ingest, .read], secretHash: String(repeating: "a", count: 64),
            createdAt: StoreFixtures.date(day: 1))
        let second = APIKey(
            id: "key_b", name: "Admin", scopes: [.admin], secretHash: String(repeating: "b", count: 64),
            createdAt: StoreFixtures.date(day: 2))
        try await store.createAPIKey(second)
        try await store.createAPIKey(first)
        #expect(try await store.apiKeys() == [first, second])
        #expect(try await store.apiKey(secretHash: first.secretHash) == first)
        #expect(try await store.apiKey(secretHash: String(repeating: "c", count: 64)) == nil)

        var sameID = first
        sameID.secretHash = String(repeating: "d", count: 64)
        await #expect(throws: AccessStoreError.duplicateKey(id: "key_a")) { try await store.createAPIKey(sameID) }
        var sameSecret = first
        sameSecret.id = "key_c"
        await #expect(throws: AccessStoreError.duplicateKey(id: "key_c")) { try await store.createAPIKey(sameSecret) }

        #expect(try await store.revokeAPIKey(id: "key_a", at: StoreFixtures.date(day: 3)))
        #expect(try await !store.revokeAPIKey(id: "key_a", at: StoreFixtures.date(day: 4)))
        #expect(try await !store.revokeAPIKey(id: "key_zzz", at: StoreFixtures.date(day: 4)))
        let revoked = try await store.apiKey(secretHash: first.secretHash)
        #expect(revoked?.revokedAt == StoreFixtures.date(day: 3))
        #expect(revoked?.isActive == false)
        #expect(try await store.apiKeys().count == 2)
    }

    static func idempotencyFirstWins(_ store: any FlywheelStore) async throws {
        let store = try await migrated(store)
        #expect(try await store.idempotencyRecord(key: "key_a:123") == nil)
        let first = IdempotencyRecord(
            key: "key_a:123", requestHash: "h1", statusCode: 201, body: Data(#"{"created":1}"#.utf8),
            createdAt: StoreFixtures.date(day: 1))
        #expect(try await store.saveIdempotencyRecord(first) == first)
        let second = IdempotencyRecord(
            key: "key_a:123", requestHash: "h2", statusCode: 200, body: Data("other".utf8),
            createdAt: StoreFixtures.date(day: 2))
        #expect(try await store.saveIdempotencyRecord(second) == first)
        #expect(try await store.idempotencyRecord(key: "key_a:123") == first)
        let empty = IdempotencyRecord(
            key: "key_b:123", requestHash: "h3", statusCode: 204, body: Data(), createdAt: StoreFixtures.date(day: 3))
        #expect(try await store.saveIdempotencyRecord(empty) == empty)
        #expect(try await store.idempotencyRecord(key: "key_b:123") == empty)
    }

    static func webhookReceiptsOnce(_ store: any FlywheelStore) async throws {
        let store = try await migrated(store)
        let receipt = WebhookReceipt(
            id: "shopify:b54557e4", topic: "orders/create", receivedAt: StoreFixtures.date(day: 1), outcome: "stored")
        #expect(try await store.webhookReceipt(id: receipt.id) == nil)
        #expect(try await store.recordWebhookReceipt(receipt))
        var again = receipt
        again.outcome = "ignored"
        #expect(try await !store.recordWebhookReceipt(again))
        #expect(try await store.webhookReceipt(id: receipt.id) == receipt)
    }
}
