import FlywheelCore
import Testing

extension StoreConformance {
    static func migratingTwiceIsHarmless(_ store: any FlywheelStore) async throws {
        try await store.migrate()
        _ = try await store.ingest(IngestBatch(orders: [StoreFixtures.order("1001", customer: "c1", day: 1)]))
        let before = try await store.status()
        try await store.migrate()
        try await store.migrate()
        let after = try await store.status()
        #expect(after == before)
        #expect(!after.schemaVersion.isEmpty)
        #expect(try await store.order(externalID: "1001") == StoreFixtures.order("1001", customer: "c1", day: 1))
    }

    static func newStoreIsEmpty(_ store: any FlywheelStore) async throws {
        let store = try await migrated(store)
        let status = try await store.status()
        #expect(status.customers == 0 && status.orders == 0 && status.products == 0)
        #expect(status.shipments == 0 && status.refunds == 0 && status.returns == 0)
        #expect(status.surveyAnswers == 0 && status.reviews == 0)
        #expect(status.firstOrderAt == nil && status.lastOrderAt == nil)
        #expect(
            try await store.retentionSnapshot() == RetentionSnapshot(buyers: 0, repeatBuyers: 0, orders: 0, revenue: [])
        )
        #expect(try await store.shopSettings() == nil)
        #expect(try await store.customer(externalID: "c1") == nil)
        #expect(try await store.product(sku: "SKU-1") == nil)
        #expect(try await store.order(externalID: "1001") == nil)
        #expect(try await store.orders(customerExternalID: "c1").isEmpty)
        #expect(try await store.refunds(orderExternalID: "1001").isEmpty)
        #expect(try await store.shipments(orderExternalID: "1001").isEmpty)
        #expect(try await store.returns(orderExternalID: "1001").isEmpty)
        #expect(try await store.marketingSpend().isEmpty)
        #expect(try await store.surveyAnswers(customerExternalID: "c1").isEmpty)
        #expect(try await store.reviews(customerExternalID: "c1").isEmpty)
        #expect(try await store.importRun(fingerprint: "f") == nil)
        #expect(try await store.ingest(IngestBatch()) == IngestCounts())
    }

    static func shopSettingsRoundTrip(_ store: any FlywheelStore) async throws {
        let store = try await migrated(store)
        #expect(try await store.shopSettings() == nil)
        try await store.saveShopSettings(.defaults)
        #expect(try await store.shopSettings() == .defaults)
        let changed = ShopSettings(
            name: "Teehaus Ölmühle", currency: .usd, timeZoneIdentifier: "America/New_York", defaultLocale: .en)
        try await store.saveShopSettings(changed)
        #expect(try await store.shopSettings() == changed)
        let invalid = ShopSettings(name: " ", currency: .eur, timeZoneIdentifier: "Mars/Olympus", defaultLocale: .de)
        await #expect(throws: ValidationError.self) { try await store.saveShopSettings(invalid) }
        #expect(try await store.shopSettings() == changed)
    }
}
