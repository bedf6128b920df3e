import Foundation
import Testing
@testable import FlywheelImport
import FlywheelCore

@Suite("Plain CSV import")
struct PlainCSVImportTests {
    @Test("adjacent rows with one order_id are one order; e-mail and channel are kept")
    func history() async throws {
        let store = InMemoryStore()
        let summary = try await TestFiles.importFile(TestFiles.fixture("csv/history.csv"), format: .csv, into: store)
        #expect(summary.rowsRead == 5)
        #expect(summary.rowsRejected == 0)
        #expect(summary.counts.orders.created == 4)
        #expect(summary.counts.customers.created == 3)
        let order = try #require(try await store.order(externalID: "O-1"))
        #expect(order.lineItems.map(\.sku) == ["SKU-A", "SKU-B"])
        #expect(order.lineItems.map(\.quantity) == [1, 2])
        #expect(order.totalMinor == 2_490)
        #expect(order.channel == "web")
        let c1 = try #require(try await store.customer(externalID: "C1"))
        #expect(c1.email == "c1@example.com")
        let o2 = try #require(try await store.order(externalID: "O-2"))
        #expect(o2.placedAt == Date(timeIntervalSince1970: 1_704_531_600))  // 2024-01-06T09:00:00Z
        let again = try await TestFiles.importFile(TestFiles.fixture("csv/history.csv"), format: .csv, into: store)
        #expect(again.counts.orders == UpsertTally(created: 0, updated: 0, unchanged: 4))
        #expect(again.counts.customers.created == 0)
        #expect(again.counts.customers.updated == 0)
    }

    @Test("rows without order_id are orders keyed by customer, time and position")
    func anonymousRows() async throws {
        let text = "customer_id,date,amount\n1,2024-01-01,10.00\n1,2024-01-01,10.00\n2,2024-01-02,5.5\n"
        let store = InMemoryStore()
        let first = try await TestFiles.importFile(TestFiles.write(text), format: .csv, into: store)
        #expect(first.counts.orders.created == 3)
        let second = try await TestFiles.importFile(TestFiles.write(text), format: .csv, into: store)
        #expect(second.counts.orders.unchanged == 3)
        #expect(try await store.status().orders == 3)
        let orders = try await store.orders(customerExternalID: "2")
        #expect(orders.map(\.totalMinor) == [550])
    }

    @Test("a changed amount on re-import updates the order instead of adding one")
    func update() async throws {
        let store = InMemoryStore()
        _ = try await TestFiles.importFile(
            TestFiles.write("customer_id,date,amount,order_id\nA,2024-01-01,10.00,X1\n"), format: .csv, into: store)
        let changed = try await TestFiles.importFile(
            TestFiles.write("customer_id,date,amount,order_id\nA,2024-01-01,12.00,X1\n"), format: .csv, into: store)
        #expect(changed.counts.orders == UpsertTally(created: 0, updated: 1, unchanged: 0))
        #expect(try await store.order(externalID: "X1")?.totalMinor == 1_200)
    }

    @Test(
        "bad values are rejected with line, column and reason",
        arguments: [
            ("A,2024-01-01,-3.00", "amount", "must not be negative"),
            ("A,2024-01-01,12,50", "row", "expected 3 columns as in the header, found 4"),
            ("A,2024-01-01,zwölf", "amount", "is not a decimal number (use digits with '.' as decimal separator, e.g. 12.50)"),
            ("A,2024-13-01,1.00", "date", "is not a valid date or date-time (use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS±HH:MM)"),
            ("A,01.02.2024,1.00", "date", "is not a valid date or date-time (use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS±HH:MM)"),
            (",2024-01-01,1.00", "customer_id", "is empty"),
            ("A,2024-01-01,1.001", "amount", "has more than 2 decimal places"),
            ("A,2031-01-01,1.00", "date", "is in the future"),
        ])
    func badValue(row: String, field: String, reason: String) async throws {
        let store = InMemoryStore()
        let path = TestFiles.write("customer_id,date,amount\nB,2024-01-01,1.00\n\(row)\nC,2024-01-02,2.00\n")
        let summary = try await TestFiles.importFile(path, format: .csv, into: store)
        #expect(summary.rowsRejected == 1)
        #expect(summary.errors == [RowRejection(line: 3, field: field, reason: reason)])
        #expect(try await store.status().orders == 2)
    }

    @Test("a field that is not UTF-8 (a Latin-1 file) is rejected, naming the line and column")
    func latin1() async throws {
        var bytes = Array("customer_id,date,amount,email\nA,2024-01-01,1.00,m".utf8)
        bytes.append(0xFC)  // 'ü' in Latin-1
        bytes += Array("ller@example.com\n".utf8)
        let summary = try await TestFiles.importFile(TestFiles.write(bytes), format: .csv, into: InMemoryStore())
        #expect(summary.rowsRejected == 1)
        #expect(summary.errors.first?.line == 2)
        #expect(summary.errors.first?.field == "email")
        #expect(summary.errors.first?.reason.contains("UTF-8") == true)
    }

    @Test("whole-file problems stop the import before anything is stored")
    func fileErrors() async throws {
        let store = InMemoryStore()
        await #expect(throws: ImportFileError.self) {
            _ = try await TestFiles.importFile(TestFiles.write(""), format: .csv, into: store)
        }
        do {
            _ = try await TestFiles.importFile(
                TestFiles.write("customer,when,total_value\nA,2024-01-01,1.00\n"), format: .csv, into: store)
            Issue.record("a header without the required columns must fail")
        } catch let error as ImportFileError {
            #expect(error.message.contains("missing columns date or datetime, amount"))
            #expect(error.message.contains("the header has: customer, when, total_value"))
        }
        await #expect(throws: ImportFileError.self) {
            let utf16: [UInt8] = [0xFF, 0xFE] + Array("customer_id,date,amount\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
            _ = try await TestFiles.importFile(TestFiles.write(utf16), format: .csv, into: store)
        }
        await #expect(throws: ImportFileError.self) {
            _ = try await TestFiles.importFile("/nonexistent/orders.csv", format: .csv, into: store)
        }
        #expect(try await store.status().orders == 0)
    }

    @Test("a byte-order mark and CRLF line endings are accepted")
    func bomAndCRLF() async throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("customer_id,date,amount\r\nA,2024-01-01,1.00\r\nB,2024-01-02,2.00\r\n".utf8)
        let store = InMemoryStore()
        let summary = try await TestFiles.importFile(TestFiles.write(bytes), format: .csv, into: store)
        #expect(summary.rowsRejected == 0)
        #expect(summary.counts.orders.created == 2)
    }
}
