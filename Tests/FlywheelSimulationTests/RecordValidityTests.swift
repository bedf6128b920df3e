import FlywheelCore
import Testing

@testable import FlywheelSimulation

@Suite("Generated records")
struct RecordValidityTests {
    let simulator = SimulationFixtures.simulator
    let batches = SimulationFixtures.batches

    @Test("every record passes the domain's validation")
    func everyRecordValidates() throws {
        let now = simulator.endInstant
        try simulator.settings.validate()
        for batch in batches {
            for record in batch.customers { try record.validate(now: now) }
            for record in batch.products { try record.validate() }
            for record in batch.orders { try record.validate(now: now) }
            for record in batch.refunds { try record.validate() }
            for record in batch.shipments { try record.validate() }
            for record in batch.returns { try record.validate() }
            for record in batch.marketingSpend { try record.validate() }
            for record in batch.surveyAnswers { try record.validate() }
            for record in batch.reviews { try record.validate() }
        }
    }

    @Test("every batch is self-contained and the in-memory store takes them all")
    func batchesAreSelfContained() async throws {
        let store = InMemoryStore()
        for (index, batch) in batches.enumerated() {
            #expect(batch.products.isEmpty == (index > 0))
            #expect(batch.marketingSpend.isEmpty == (index > 0))
            let customers = Set(batch.customers.map(\.externalID))
            let orders = Set(batch.orders.map(\.externalID))
            #expect(batch.orders.allSatisfy { customers.contains($0.customerExternalID ?? "") })
            #expect(batch.refunds.allSatisfy { orders.contains($0.orderExternalID) })
            #expect(batch.shipments.allSatisfy { orders.contains($0.orderExternalID) })
            #expect(batch.returns.allSatisfy { orders.contains($0.orderExternalID) })
            #expect(batch.surveyAnswers.allSatisfy { customers.contains($0.customerExternalID) })
            #expect(batch.surveyAnswers.allSatisfy { orders.contains($0.orderExternalID ?? "") })
            #expect(batch.reviews.allSatisfy { customers.contains($0.customerExternalID) })
            #expect(batch.reviews.allSatisfy { orders.contains($0.orderExternalID ?? "") })
            _ = try await store.ingest(batch)
        }
        let status = try await store.status()
        #expect(status.customers == simulator.config.customers)
        #expect(status.products == simulator.products.count)
    }

    @Test("money adds up: lines less discounts, included VAT, shipping, refunds and financial status")
    func moneyIsConsistent() throws {
        for batch in batches {
            let refunds = Dictionary(grouping: batch.refunds, by: \.orderExternalID)
            for order in batch.orders {
                #expect(order.taxesIncluded)
                #expect(order.currency == .eur)
                #expect((1...4).contains(order.lineItems.count))
                #expect(order.shippingMinor == (order.subtotalMinor >= 4_900 ? 0 : 490))
                #expect(order.taxMinor == (order.totalMinor * 19 * 2 + 119) / 238)
                let refunded = refunds[order.externalID, default: []].reduce(Int64(0)) { $0 + $1.amountMinor }
                #expect(refunded <= order.totalMinor)
                let expected: FinancialStatus =
                    order.cancelledAt != nil
                    ? .voided
                    : refunded == order.totalMinor ? .refunded : refunded > 0 ? .partiallyRefunded : .paid
                #expect(order.financialStatus == expected)
                if order.cancelledAt != nil { #expect(refunded == 0) }
                for refund in refunds[order.externalID, default: []] {
                    try RefundRules.check(refund, order: order, otherRefunds: [])
                }
            }
        }
    }

    @Test("nothing happens after the end of the last day, and each customer's orders are in time order")
    func timesAreConsistent() {
        let end = simulator.endInstant
        for batch in batches {
            #expect(batch.orders.allSatisfy { $0.placedAt <= end && ($0.cancelledAt ?? $0.placedAt) <= end })
            #expect(batch.refunds.allSatisfy { $0.createdAt <= end })
            #expect(batch.shipments.allSatisfy { ($0.deliveredAt ?? end) <= end && ($0.shippedAt ?? end) <= end })
            #expect(batch.returns.allSatisfy { $0.requestedAt <= end })
            #expect(batch.surveyAnswers.allSatisfy { $0.answeredAt <= end })
            #expect(batch.reviews.allSatisfy { $0.createdAt <= end })
            let byCustomer = Dictionary(grouping: batch.orders, by: { $0.customerExternalID ?? "" })
            for (_, orders) in byCustomer {
                #expect(zip(orders, orders.dropFirst()).allSatisfy { $0.placedAt < $1.placedAt })
            }
        }
    }

    @Test("the batches hold every kind of record the shop produces")
    func everyKindIsPresent() {
        let all = batches
        #expect(all.reduce(0) { $0 + $1.refunds.count } > 0)
        #expect(all.reduce(0) { $0 + $1.returns.count } > 0)
        #expect(all.reduce(0) { $0 + $1.reviews.count } > 0)
        #expect(all.flatMap(\.reviews).contains { $0.hasPhoto })
        #expect(all.flatMap(\.orders).contains { $0.cancelledAt != nil })
        #expect(all.flatMap(\.orders).contains { $0.financialStatus == .partiallyRefunded })
        #expect(all.flatMap(\.shipments).contains { $0.isLate(now: simulator.endInstant) })
        #expect(all.flatMap(\.shipments).contains { $0.deliveredAt == nil })
        let questions = Set(all.flatMap(\.surveyAnswers).map(\.question))
        #expect(questions == Set(SurveyQuestion.allCases))
        let spendChannels = Set(all.flatMap(\.marketingSpend).map(\.channel))
        #expect(spendChannels == ["google_ads", "meta_ads", "instagram"])
        #expect(all[0].marketingSpend.count == 24 * 3)
        #expect(Set(simulator.products.compactMap(\.category)).count == 7)
        #expect(simulator.products.contains { $0.reorderCycleDays != nil })
    }
}
