import FlywheelCore
import Testing

extension StoreConformance {
    static func relatedRecordsSorted(_ store: any FlywheelStore) async throws {
        let store = try await migrated(store)
        let batch = IngestBatch(
            orders: [StoreFixtures.order("1001", customer: "c1", day: 1, total: 10_000)],
            refunds: [
                StoreFixtures.refund("r-b", order: "1001", day: 4, amount: 100),
                StoreFixtures.refund("r-c", order: "1001", day: 2, amount: 100),
                StoreFixtures.refund("r-a", order: "1001", day: 4, amount: 100),
            ],
            shipments: [
                StoreFixtures.shipment("s-2", order: "1001", day: 1),
                StoreFixtures.shipment("s-1", order: "1001", day: 3),
            ],
            returns: [
                StoreFixtures.returnRequest("ret-b", order: "1001", day: 6),
                StoreFixtures.returnRequest("ret-a", order: "1001", day: 6),
                StoreFixtures.returnRequest("ret-c", order: "1001", day: 5),
            ],
            surveyAnswers: [
                StoreFixtures.answer("a-2", customer: "c1", day: 8),
                StoreFixtures.answer("a-3", customer: "c1", day: 7),
                StoreFixtures.answer("a-1", customer: "c1", day: 8),
            ],
            reviews: [
                StoreFixtures.review("v-2", customer: "c1", day: 9),
                StoreFixtures.review("v-1", customer: "c1", day: 9),
                StoreFixtures.review("v-0", customer: "c1", day: 10),
            ])
        _ = try await store.ingest(batch)
        #expect(try await store.refunds(orderExternalID: "1001").map(\.externalID) == ["r-c", "r-a", "r-b"])
        #expect(try await store.shipments(orderExternalID: "1001").map(\.externalID) == ["s-1", "s-2"])
        #expect(try await store.returns(orderExternalID: "1001").map(\.externalID) == ["ret-c", "ret-a", "ret-b"])
        #expect(try await store.surveyAnswers(customerExternalID: "c1").map(\.externalID) == ["a-3", "a-1", "a-2"])
        #expect(try await store.reviews(customerExternalID: "c1").map(\.externalID) == ["v-1", "v-2", "v-0"])
    }

    static func marketingSpendSorted(_ store: any FlywheelStore) async throws {
        let store = try await migrated(store)
        let spend = [
            StoreFixtures.spend("google", 2024, 2, 300), StoreFixtures.spend("meta", 2024, 1, 200),
            StoreFixtures.spend("google", 2024, 1, 100), StoreFixtures.spend("google", 2023, 12, 50),
        ]
        #expect(try await store.ingest(IngestBatch(marketingSpend: spend)).marketingSpend == UpsertTally(created: 4))
        #expect(try await store.marketingSpend() == [spend[3], spend[2], spend[1], spend[0]])
        let dollars = MarketingSpend(
            channel: "meta", month: YearMonth(year: 2024, month: 1)!, amount: Money(minorUnits: 200, currency: .usd))
        let counts = try await store.ingest(IngestBatch(marketingSpend: [dollars, spend[0]]))
        #expect(counts.marketingSpend == UpsertTally(updated: 1, unchanged: 1))
        #expect(try await store.marketingSpend() == [spend[3], spend[2], dollars, spend[0]])
    }

    static func statusCounts(_ store: any FlywheelStore) async throws {
        let store = try await migrated(store)
        _ = try await store.ingest(
            IngestBatch(
                customers: [StoreFixtures.fullCustomer("c1"), StoreFixtures.fullCustomer("c2")],
                products: [StoreFixtures.product("SKU-1"), StoreFixtures.product("SKU-2")],
                orders: [
                    StoreFixtures.order("1001", customer: "c1", day: 3),
                    StoreFixtures.order("1002", customer: "c3", day: 30, cancelled: true),
                    StoreFixtures.order("1003", customer: nil, day: 2, second: 1),
                ],
                refunds: [StoreFixtures.refund("r1", order: "1001", day: 4, amount: 10)],
                shipments: [StoreFixtures.shipment("s1", order: "1001"), StoreFixtures.shipment("s2", order: "1003")],
                returns: [StoreFixtures.returnRequest("ret1", order: "1001")],
                surveyAnswers: [StoreFixtures.answer("a1", customer: "c2", day: 5)],
                reviews: [StoreFixtures.review("v1", customer: "c3", day: 31)]))
        let status = try await store.status()
        #expect(!status.schemaVersion.isEmpty)
        #expect(status.customers == 3 && status.orders == 3 && status.products == 2)
        #expect(status.shipments == 2 && status.refunds == 1 && status.returns == 1)
        #expect(status.surveyAnswers == 1 && status.reviews == 1)
        #expect(status.firstOrderAt == StoreFixtures.date(day: 2, second: 1))
        #expect(status.lastOrderAt == StoreFixtures.date(day: 30))
    }

    /// Buyers A, B, D (A and D repeat); C only cancelled; one guest order. Net revenue by hand:
    /// EUR 10000 + 5000 + 2000 + 1500 − 2500 = 16000 (the refund of a cancelled order does not count);
    /// JPY 500; USD 4000 + 1000 − 4000 = 1000 (the cancelled 7000 does not count).
    static func retentionSnapshot(_ store: any FlywheelStore) async throws {
        let store = try await migrated(store)
        let batch = IngestBatch(
            orders: [
                StoreFixtures.order("o1", customer: "A", day: 1, total: 10_000),
                StoreFixtures.order("o2", customer: "A", day: 20, total: 5_000),
                StoreFixtures.order("o3", customer: "B", day: 2, total: 2_000),
                StoreFixtures.order("o4", customer: "B", day: 3, total: 3_000, cancelled: true),
                StoreFixtures.order("o5", customer: "C", day: 4, total: 7_000, currency: .usd, cancelled: true),
                StoreFixtures.order("o6", customer: "D", day: 5, total: 4_000, currency: .usd),
                StoreFixtures.order("o7", customer: "D", day: 6, total: 1_000, currency: .usd),
                StoreFixtures.order("o8", customer: "D", day: 7, total: 500, currency: StoreFixtures.jpy),
                StoreFixtures.order("o9", customer: nil, day: 8, total: 1_500),
            ],
            refunds: [
                StoreFixtures.refund("r1", order: "o1", day: 9, amount: 2_500),
                StoreFixtures.refund("r2", order: "o4", day: 9, amount: 3_000),
                StoreFixtures.refund("r3", order: "o6", day: 9, amount: 4_000, currency: .usd),
            ])
        _ = try await store.ingest(batch)
        let snapshot = try await store.retentionSnapshot()
        #expect(snapshot.buyers == 3)
        #expect(snapshot.repeatBuyers == 2)
        #expect(snapshot.orders == 7)
        #expect(
            snapshot.revenue == [
                Money(minorUnits: 16_000, currency: .eur), Money(minorUnits: 500, currency: StoreFixtures.jpy),
                Money(minorUnits: 1_000, currency: .usd),
            ])
    }
}
