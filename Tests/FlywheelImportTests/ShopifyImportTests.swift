import Foundation
import Testing
@testable import FlywheelImport
import FlywheelCore

@Suite("Shopify orders export import")
struct ShopifyImportTests {
    @Test("a German shop's export: orders, customers, refunds, shipments, products")
    func europeanExport() async throws {
        let store = InMemoryStore()
        let path = TestFiles.fixture("shopify/orders_export_eu.csv")
        let summary = try await TestFiles.importFile(path, format: .shopify, into: store)
        #expect(summary.rowsRejected == 0, "\(summary.errors)")
        #expect(summary.rowsRead == 10)
        #expect(summary.counts.orders.created == 6)
        #expect(summary.counts.customers.created == 3)  // Anna (two spellings of one e-mail), Jonas, Lea; #1005 is a guest
        #expect(summary.counts.refunds.created == 2)
        #expect(summary.counts.shipments.created == 4)
        #expect(summary.counts.products.created == 5)

        let first = try #require(try await store.order(externalID: "5612345678901"))
        #expect(first.customerExternalID == "anna.mueller@example.com")
        #expect(first.currency == .eur)
        #expect(first.taxesIncluded)
        #expect(first.subtotalMinor == 1_971)
        #expect(first.shippingMinor == 490)
        #expect(first.taxMinor == 393)
        #expect(first.totalMinor == 2_461)
        #expect(first.discounts == [DiscountApplication(code: "WILLKOMMEN10", amountMinor: 219)])
        #expect(first.lineItems.map(\.title) == ["Kaffeebohnen Äthiopien 500 g", "Filterpapier Gr. 4"])
        #expect(first.lineItems.map(\.totalMinor) == [1_490, 700])
        #expect(first.placedAt == Date(timeIntervalSince1970: 1_709_645_400))  // 2024-03-05T13:30:00Z
        #expect(first.source == "web")
        #expect(first.channel == nil)

        let anna = try #require(try await store.customer(externalID: "anna.mueller@example.com"))
        #expect(anna.firstName == "Anna")
        #expect(anna.lastName == "Müller")
        #expect(anna.consent?.email == .granted)
        #expect(try await store.orders(customerExternalID: "anna.mueller@example.com").count == 2)

        let partial = try await store.refunds(orderExternalID: "5612345678903")
        #expect(partial.map(\.amountMinor) == [1_290])
        let cancelled = try #require(try await store.order(externalID: "5612345678904"))
        #expect(cancelled.cancelledAt != nil)
        #expect(cancelled.financialStatus == .refunded)
        let guest = try #require(try await store.order(externalID: "5612345678905"))
        #expect(guest.customerExternalID == nil)
        #expect(guest.source == "pos")
        let shipment = try #require(try await store.shipments(orderExternalID: "5612345678901").first)
        #expect(shipment.supplier == "Rösterei Nord")
        #expect(try await store.product(sku: "MUE-HAND")?.vendor == "Mahlwerk GmbH")

        let again = try await TestFiles.importFile(path, format: .shopify, into: store)
        #expect(again.counts.orders.unchanged == 6)
        #expect(again.counts.orders.created + again.counts.orders.updated == 0)
        #expect(again.counts.refunds.unchanged == 2)
        #expect(again.counts.customers.created + again.counts.customers.updated == 0)
    }

    @Test("a US export: tax on top, automatic discount without a code")
    func usExport() async throws {
        let store = InMemoryStore()
        let summary = try await TestFiles.importFile(
            TestFiles.fixture("shopify/orders_export_us.csv"), format: .shopify, into: store)
        #expect(summary.rowsRejected == 0, "\(summary.errors)")
        let order = try #require(try await store.order(externalID: "4400000000001"))
        #expect(!order.taxesIncluded)
        #expect(order.currency == .usd)
        #expect(order.totalMinor == 6_440)
        #expect(order.discounts == [DiscountApplication(code: "automatic", amountMinor: 500)])
        #expect(try await store.orders(customerExternalID: "mike@example.com").count == 2)
    }

    @Test("broken orders are rejected whole, naming the line and the export's column")
    func badExport() async throws {
        let store = InMemoryStore()
        let report = TestFiles.temporaryDirectory().appendingPathComponent("errors.csv").path
        let summary = try await TestFiles.importFile(
            TestFiles.fixture("shopify/orders_export_bad.csv"), format: .shopify, into: store, report: report)
        #expect(summary.counts.orders.created == 2)
        #expect(summary.rowsRejected == 5)
        #expect(summary.errors.map(\.line) == [3, 4, 5, 6, 8])
        #expect(summary.errors.map(\.field) == ["Total", "Lineitem price", "Created at", "Currency", "Lineitem quantity"])
        #expect(try await store.order(externalID: "7700000000006") == nil)  // its first line was fine: still rejected whole
        let text = try String(contentsOfFile: report, encoding: .utf8)
        #expect(text.hasPrefix("line,field,reason\n3,Total,"))
        #expect(text.split(separator: "\n").count == 6)
    }
}
