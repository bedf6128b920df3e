import Foundation
import Testing
@testable import FlywheelImport
import FlywheelCore

@Suite("CDNOW import")
struct CDNOWImportTests {
    @Test("the master file gives 23,570 customers and 69,659 orders, and a second import changes nothing")
    func masterTwice() async throws {
        let store = InMemoryStore()
        let path = TestFiles.fixture("cdnow/CDNOW_master.txt")
        let first = try await TestFiles.importFile(path, format: .cdnow, into: store)
        #expect(first.rowsRead == 69_659)
        #expect(first.rowsRejected == 0)
        #expect(first.counts.orders.created == 69_659)
        #expect(first.counts.customers.created == 23_570)
        let second = try await TestFiles.importFile(path, format: .cdnow, into: store)
        #expect(second.counts.orders == UpsertTally(created: 0, updated: 0, unchanged: 69_659))
        #expect(second.counts.customers == UpsertTally(created: 0, updated: 0, unchanged: 23_570))
        let status = try await store.status()
        #expect(status.customers == 23_570)
        #expect(status.orders == 69_659)
    }

    @Test("the sample layout keys orders by master id, so it adds nothing after the master")
    func sampleAfterMaster() async throws {
        let store = InMemoryStore()
        _ = try await TestFiles.importFile(TestFiles.fixture("cdnow/CDNOW_master.txt"), format: .cdnow, into: store)
        let sample = try await TestFiles.importFile(
            TestFiles.fixture("cdnow/CDNOW_sample.txt"), format: .cdnowSample, into: store)
        #expect(sample.rowsRead == 6_919)
        #expect(sample.counts.orders.created == 0)
        #expect(sample.counts.orders.unchanged == 6_919)
        #expect(try await store.status().orders == 69_659)
    }

    @Test("a row becomes a dollar order at local midnight with the CDs as its line")
    func rowMapping() async throws {
        let store = InMemoryStore()
        try await store.saveShopSettings(
            ShopSettings(name: "CD", currency: .usd, timeZoneIdentifier: "America/New_York", defaultLocale: .en))
        _ = try await TestFiles.importFile(TestFiles.fixture("cdnow/CDNOW_sample.txt"), format: .cdnowSample, into: store)
        // " 00004 0001 19970101  2   29.33" is the sample's first row.
        let order = try #require(try await store.order(externalID: "cdnow:00004:19970101:1"))
        #expect(order.customerExternalID == "00004")
        #expect(order.totalMinor == 2_933)
        #expect(order.currency == .usd)
        #expect(order.lineItems == [LineItem(title: "CD", quantity: 2, totalMinor: 2_933)])
        #expect(order.placedAt == Date(timeIntervalSince1970: 852_094_800))  // 1997-01-01T05:00:00Z
        let customer = try #require(try await store.customer(externalID: "00004"))
        #expect(customer.createdAt == order.placedAt)
    }

    @Test("several purchases of one customer on one day are separate orders")
    func sameDay() async throws {
        let path = TestFiles.write(" 00001 19970101 1 11.77\n 00001 19970101 2 20.00\n 00001 19970101 1 11.77\n")
        let store = InMemoryStore()
        let summary = try await TestFiles.importFile(path, format: .cdnow, into: store)
        #expect(summary.counts.orders.created == 3)
        #expect(try await store.orders(customerExternalID: "00001").map(\.externalID).sorted() == [
            "cdnow:00001:19970101:1", "cdnow:00001:19970101:2", "cdnow:00001:19970101:3",
        ])
    }

    @Test("bad rows are rejected with line and column, the rest imported")
    func badRows() async throws {
        let path = TestFiles.write(
            """
             customer_id  date number_of_cds  dollar_value
             00001 19970101  1   11.77
             00002 19971345  1   12.00
             00003 19970105  x   12.00
             00004 19970106  1   -5.00
             00005 19970107  1   abc
             00006 19970108  1
             00007 19970109  1   9.99

            """)
        let store = InMemoryStore()
        let summary = try await TestFiles.importFile(path, format: .cdnow, into: store)
        #expect(summary.rowsRead == 7)
        #expect(summary.counts.orders.created == 2)
        #expect(summary.rowsRejected == 5)
        #expect(summary.errors.map(\.line) == [3, 4, 5, 6, 7])
        #expect(summary.errors.map(\.field) == ["date", "number_of_cds", "dollar_value", "dollar_value", "row"])
        #expect(summary.errors[2].reason == "must not be negative")
    }
}
