import Foundation
import Testing
@testable import FlywheelImport
import FlywheelCore

@Suite("Reading order history without a store")
struct OrderHistoryReaderTests {
    /// Every batch of a file.
    private func batches(_ path: String, format: ImportFormat, maxOrders: Int = 10_000) throws -> [OrderHistoryBatch] {
        var reader = try OrderHistoryReader(path: path, format: format, now: TestFiles.now)
        var batches: [OrderHistoryBatch] = []
        while let batch = try reader.nextBatch(maxOrders: maxOrders) { batches.append(batch) }
        return batches
    }

    @Test("the CDNOW sample streams as 6,919 orders of 2,357 customers in batches of about the size asked")
    func cdnowSample() throws {
        let path = TestFiles.fixture("cdnow/CDNOW_sample.txt")
        var reader = try OrderHistoryReader(path: path, format: .cdnowSample, now: TestFiles.now)
        var orders: [Order] = []
        var sizes: [Int] = []
        while let batch = try reader.nextBatch(maxOrders: 1_000) {
            orders += batch.records.orders
            sizes.append(batch.records.orders.count)
            #expect(batch.rejections.isEmpty)
            #expect(batch.rows == batch.records.orders.count)
        }
        #expect(orders.count == 6_919)
        #expect(Set(orders.compactMap(\.customerExternalID)).count == 2_357)
        #expect(sizes.count == 7)
        // A batch ends at the first unit (a customer's orders of one day) that reaches the size.
        #expect(sizes.dropLast().allSatisfy { $0 >= 1_000 && $0 < 1_010 })
        #expect(reader.rowsRead == 6_919)
        #expect(reader.rowsRejected == 0)
        #expect(reader.bytesRead == reader.size)
        #expect(try reader.nextBatch() == nil)
        let first = try #require(orders.first)
        #expect(first.externalID == "cdnow:00004:19970101:1")
        #expect(first.totalMinor == 2_933)
        #expect(first.currency == .usd)
    }

    @Test("it gives exactly the records the importer stores")
    func sameAsImporter() async throws {
        let path = TestFiles.fixture("shopify/orders_export_eu.csv")
        let read = try batches(path, format: .shopify, maxOrders: 2)
        let orders = read.flatMap(\.records.orders)
        let refunds = read.flatMap(\.records.refunds)
        #expect(orders.count == 6)
        #expect(refunds.count == 2)
        #expect(read.count == 3)

        let store = InMemoryStore()
        let summary = try await TestFiles.importFile(path, format: .shopify, into: store)
        #expect(summary.counts.orders.created == orders.count)
        for order in orders {
            #expect(try await store.order(externalID: order.externalID) == order)
        }
        for refund in refunds {
            #expect(try await store.refunds(orderExternalID: refund.orderExternalID) == [refund])
        }
        for customer in read.flatMap(\.records.customers) {
            #expect(try await store.customer(externalID: customer.externalID) != nil)
        }
    }

    @Test("bad rows are rejected with the importer's lines, columns and reasons, and counted")
    func rejections() async throws {
        let path = TestFiles.fixture("shopify/orders_export_bad.csv")
        var reader = try OrderHistoryReader(path: path, format: .shopify, now: TestFiles.now)
        var rejections: [RowRejection] = []
        var orders = 0
        while let batch = try reader.nextBatch() {
            rejections += batch.rejections
            orders += batch.records.orders.count
        }
        let summary = try await TestFiles.importFile(path, format: .shopify, into: InMemoryStore())
        #expect(rejections == summary.errors)
        #expect(reader.rowsRejected == summary.rowsRejected)
        #expect(reader.rowsRejected == 5)
        #expect(reader.rowsRead == summary.rowsRead)
        #expect(orders == summary.counts.orders.created)
    }

    @Test("reading on from a batch's end position gives the rest of the file")
    func resume() throws {
        let path = TestFiles.fixture("cdnow/CDNOW_sample.txt")
        let whole = try batches(path, format: .cdnowSample).flatMap(\.records.orders)
        var first = try OrderHistoryReader(path: path, format: .cdnowSample, now: TestFiles.now)
        let head = try #require(try first.nextBatch(maxOrders: 2_500))
        var rest = try OrderHistoryReader(path: path, format: .cdnowSample, now: TestFiles.now, resumingAt: head.end)
        var tail: [Order] = []
        while let batch = try rest.nextBatch() { tail += batch.records.orders }
        #expect(head.records.orders.count >= 2_500)
        #expect(head.records.orders + tail == whole)
    }

    @Test("a header line is read as such; every unit is handed out one by one")
    func headerAndUnits() throws {
        let path = TestFiles.write(
            " customer_id date cds dollars\n 00001 19970101 1 11.77\n 00001 19970101 2 20.00\n 00002 19970102 1 5.00\n")
        var reader = try OrderHistoryReader(path: path, format: .cdnow, currency: .eur, now: TestFiles.now)
        var units: [ImportUnit] = []
        while let unit = try reader.nextUnit() { units.append(unit) }
        #expect(units.map(\.firstLine) == [2, 4])
        #expect(units.map(\.rows) == [2, 1])
        guard case .records(let day) = units[0].content else {
            Issue.record("the first unit should be read")
            return
        }
        #expect(day.orders.map(\.externalID) == ["cdnow:00001:19970101:1", "cdnow:00001:19970101:2"])
        #expect(day.orders.allSatisfy { $0.currency == .eur })
        #expect(reader.rowsRead == 3)
    }

    @Test("whole-file problems throw before any record is read")
    func fileErrors() throws {
        #expect(throws: ImportFileError.self) {
            _ = try OrderHistoryReader(path: "/nonexistent/orders.csv", format: .csv)
        }
        #expect(throws: ImportFileError.self) { _ = try OrderHistoryReader(path: TestFiles.write(""), format: .csv) }
        #expect(throws: ImportFileError.self) {
            _ = try OrderHistoryReader(path: TestFiles.write("id,when\n1,2024-01-01\n"), format: .csv)
        }
        #expect(throws: ImportFileError.self) {
            _ = try OrderHistoryReader(path: TestFiles.write([0xFF, 0xFE, 0x41, 0x00]), format: .shopify)
        }
    }
}
