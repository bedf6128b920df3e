import FlywheelCore
import FlywheelSimulation
import Foundation
import Testing

@testable import FlywheelAnalytics
@testable import FlywheelImport

/// The columnar reader (`ColumnarHistoryReader` → `OrderTable.add(OrderColumns)`) against the full reader
/// (`OrderHistoryReader` → `OrderTable.add(IngestBatch)`): the same table, hence the same report, byte for
/// byte in every format; and the full reader whenever a row needs it.
@Suite("Columnar reading of order history")
struct ColumnarHistoryReaderTests {
    private static let settings = ShopSettings.defaults

    /// The table the full reader builds in batches of `batchSize` orders, as `flywheel report --input` built
    /// it before (batches of 10,000).
    private func fullTable(_ path: String, batchSize: Int, currency: CurrencyCode? = nil) throws -> OrderTable {
        var settings = Self.settings
        if let currency { settings.currency = currency }
        var table = OrderTable(settings: settings)
        var reader = try OrderHistoryReader(
            path: path, format: .csv, shop: settings, currency: currency, now: TestFiles.now)
        while let batch = try reader.nextBatch(maxOrders: batchSize) { table.add(batch.records) }
        return table
    }

    /// The table the columnar reader builds, with pieces of about `pieceSize` bytes, added as the full
    /// reader's batches of `batchSize` orders; `nil` when it sends the file to the full reader.
    private func columnarTable(
        _ path: String, pieceSize: Int = 4096, batchSize: Int = 10_000, currency: CurrencyCode? = nil,
        concurrent: Bool = true
    ) throws -> (table: OrderTable, read: ColumnarHistory)? {
        var settings = Self.settings
        if let currency { settings.currency = currency }
        var table = OrderTable(settings: settings)
        let reader = ColumnarHistoryReader(
            path: path, format: .csv, shop: settings, currency: currency, now: TestFiles.now, pieceSize: pieceSize)
        var loader = OrderColumnsLoader(batchSize: batchSize, concurrent: concurrent)
        var pieces = 0
        guard case .read(let read) = try reader.read(into: { piece, _ in
            pieces += 1
            loader.add(piece, to: &table)
        }) else { return nil }
        loader.finish(&table)
        #expect(pieces >= 1)
        return (table, read)
    }

    /// The whole report with CLV, in all four formats.
    private func renders(_ table: OrderTable) throws -> [String] {
        let calendar = Self.settings.calendar
        let day = calendar.localDate(of: Date(timeIntervalSince1970: TimeInterval(table.latestPlacedAt)))
        let asOf = calendar.instant(localDate: day.adding(days: 1), secondsOfDay: 0).addingTimeInterval(-1)
        let snapshot = AnalyticsEngine(table: table, options: AnalyticsOptions()).snapshot(asOf: asOf)
        var sections = ReportSection.standard
        sections.insert(.clv)
        let clv = try? snapshot.reportCLV(segment: .all, options: ReportCLVOptions(topCustomers: 10))
        let report = try snapshot.retentionReport(
            RetentionReportOptions(shopName: "Test", from: nil, through: nil, segment: .all, sections: sections),
            clv: clv, clvUnavailable: clv == nil ? "too few customers" : nil)
        return try ReportFormat.allCases.map { try $0.render(report, locale: .en) }
    }

    /// Both readers' tables agree column by column, and their reports byte for byte.
    private func expectSame(
        _ path: String, pieceSize: Int = 4096, batchSize: Int = 10_000, currency: CurrencyCode? = nil
    ) throws {
        let full = try fullTable(path, batchSize: batchSize, currency: currency)
        let columnar = try #require(
            try columnarTable(path, pieceSize: pieceSize, batchSize: batchSize, currency: currency)
        ).table
        #expect(columnar.orderCount == full.orderCount)
        #expect(columnar.customers.externalIDs == full.customers.externalIDs)
        #expect(columnar.customer == full.customer)
        #expect(columnar.placedAt == full.placedAt)
        #expect(columnar.day == full.day)
        #expect(columnar.gross == full.gross)
        #expect(columnar.net == full.net)
        #expect(columnar.flags == full.flags)
        #expect(columnar.channel == full.channel)
        #expect(columnar.channels.values == full.channels.values)
        #expect(columnar.products.values == full.products.values)
        #expect(columnar.lineProduct == full.lineProduct)
        #expect(columnar.lineCount == full.lineCount)
        #expect(columnar.excluded == full.excluded)
        #expect(try renders(columnar) == renders(full))
    }

    @Test("the CSV fixture gives the same table and report (text, JSON, CSV, HTML) as the full reader")
    func fixture() throws {
        try expectSame(TestFiles.fixture("csv/history.csv"))
    }

    @Test("a simulated shop of 3,000 customers, cut into many pieces, gives the same report as the full reader")
    func simulatedShop() throws {
        let simulator = ShopSimulator(config: SimulationConfig(customers: 3_000, seed: 11))
        var bytes: [UInt8] = []
        let summary = simulator.writeOrdersCSV { bytes += $0 }
        let path = TestFiles.write(bytes)
        let read = try #require(try columnarTable(path, pieceSize: 16 << 10)).read
        #expect(read.orderCount == summary.orders)
        #expect(read.rowsRead == summary.rows)
        #expect(bytes.count > 40 * (16 << 10))  // many pieces
        try expectSame(path, pieceSize: 16 << 10, batchSize: 1_000)  // batches span pieces
        try expectSame(path, pieceSize: 1 << 30)  // one piece
    }

    @Test("net amounts share the gross column until a refund, which changes net alone, as in the full reader's table")
    func netSharesGrossUntilRefund() throws {
        let simulator = ShopSimulator(config: SimulationConfig(customers: 300, seed: 5))
        var bytes: [UInt8] = []
        _ = simulator.writeOrdersCSV { bytes += $0 }
        let path = TestFiles.write(bytes)
        var columnar = try #require(try columnarTable(path, pieceSize: 8 << 10, batchSize: 500)).table
        var full = try fullTable(path, batchSize: 500)
        #expect(columnar.netIsGross && columnar.net == full.net && columnar.orderCount > 1_000)
        // A refund on a late order: net is copied apart from gross, which stays as it was.
        let grossBefore = columnar.gross
        let lastLine = try #require(String(decoding: bytes, as: UTF8.self).split(separator: "\n").last)
        let order = String(lastLine.split(separator: ",")[3])  // order_id, the fourth column
        let row = Int(try #require(columnar.rowByKey.row(of: RecordKey(order))))
        let refund = Refund(
            externalID: "R-1", orderExternalID: order, createdAt: TestFiles.now, amountMinor: 100,
            currency: columnar.currency)
        _ = columnar.add(refund)
        _ = full.add(refund)
        #expect(!columnar.netIsGross)
        #expect(columnar.gross == grossBefore && columnar.net[row] == grossBefore[row] - 100)
        #expect(columnar.net == full.net && columnar.gross == full.gross)
    }

    @Test("rows without order_id are keyed by customer, time and a count, across pieces as in the full reader")
    func anonymousOrders() throws {
        var csv = "customer_id,datetime,amount,sku\n"
        for customer in 0..<400 {
            for n in 0..<(customer % 4 + 1) {
                // Two rows at the same second make the count go to 2.
                let time = n == 1 ? "2024-03-01T10:00:00Z" : "2024-0\(n + 1)-0\(customer % 9 + 1)T10:00:00Z"
                csv += "C\(customer),\(time),\(customer % 50).\(n)5,S\(customer % 7)\n"
            }
        }
        try expectSame(TestFiles.write(csv), pieceSize: 4096)
    }

    @Test("an order id seen again later replaces the earlier order; other currencies are excluded, as before")
    func replacementsAndCurrencies() throws {
        let csv = """
            customer_id,date,amount,order_id,currency,email,sku,quantity,channel
            C1,2024-01-05,19.90,O-1,EUR,c1@example.com,SKU-A,1,web
            C1,2024-01-05,5.00,O-1,eur,c1@example.com,SKU-B,2,web
            C2,2024-01-06T10:00:00+01:00,42.00,O-2,USD,c2@example.com,SKU-A,2,instagram
            C3,2024-01-07 09:30,42.00,O-3,EUR,,SKU-C,2,
            C4, 2024-02-01T00:30:00Z ,1.5,O-4,,,,,
            C1,2024-03-10,7.00,O-1,EUR,,SKU-D,1,newsletter
            C2,2024-04-10,8.00,O-2,EUR,,SKU-D,1,

            C5,2024-05-10,9,O-5,EUR,c5@example.com,SKU-E,3,web\r
            """
        let path = TestFiles.write(csv)
        try expectSame(path)
        try expectSame(path, batchSize: 2)  // the batch's customer records come before its orders
        try expectSame(path, batchSize: 3, currency: .usd)
    }

    @Test(
        "a row the importer would reject, or that needs CSV quoting, sends the file to the full reader",
        arguments: [
            "C1,2024-01-05,-1.00,O-1",  // negative amount
            "C1,2024-01-05,1.001,O-1",  // too many decimals
            "C1,2024-13-05,1.00,O-1",  // no such month
            "C1,2030-01-05,1.00,O-1",  // in the future
            "C1,1989-12-31,1.00,O-1",  // before 1990
            ",2024-01-05,1.00,O-1",  // no customer
            "C1,2024-01-05,1.00",  // a column missing
            "C1,2024-01-05,1.00,O-1,x",  // a column too many
            "\"C1\",2024-01-05,1.00,O-1",  // quoted
            "C1,2024-01-05,1.00,",  // no order id among rows with one
            "C9,2024-01-06,1.00,O-0",  // O-0 again for another customer, right after it
        ])
    func fullReaderNeeded(row: String) throws {
        let csv = "customer_id,date,amount,order_id\nC0,2024-01-04,2.00,O-0\n\(row)\nC2,2024-01-07,3.00,O-2\n"
        #expect(try columnarTable(TestFiles.write(csv)) == nil)
    }

    @Test("a file cut into pieces is cut only where the customer changes")
    func cutsBetweenCustomers() {
        let window = Array("O-1,C1\nO-2,C1\nO-3, C1 \n\nO-4,C2\nO-5,C3\n".utf8)
        let cut = ColumnarHistoryReader.customerChange(in: window, customerColumn: 1)
        #expect(cut.map { String(decoding: window[$0...], as: UTF8.self) } == "O-4,C2\nO-5,C3\n")
        #expect(ColumnarHistoryReader.customerChange(in: Array("a,C1\nb,C1\n".utf8), customerColumn: 1) == nil)
    }
}

/// The table load with the id index on a thread of its own (`OrderIndexStage`) against the serial load.
@Suite("Columnar table load: the id index beside the load")
struct ConcurrentTableLoadTests {
    /// A plain-CSV history of `customers` customers, rows grouped by customer: orders of one to three line
    /// items, every 7th order repeating the id of an order at least 200 orders back (another customer's,
    /// usually in an earlier piece), every 23rd in USD (some of them repeating an id too). The order ids, and
    /// those with an order in the shop's currency (EUR).
    private static func history(customers: Int) -> (csv: String, ids: [String], inEUR: Set<String>) {
        var csv = "customer_id,date,amount,order_id,currency,email,sku,quantity,channel\n"
        var ids: [String] = []
        var inEUR: Set<String> = []
        var n = 0
        for customer in 0..<customers {
            for k in 0..<(customer % 5 + 1) {
                n += 1
                var id = "O-\(n)"
                if n % 7 == 0 && n > 400 { id = "O-\(n - 200 - (n * 13) % 150)" }
                let currency = n % 23 == 0 ? "USD" : "EUR"
                let email = k == 0 && customer % 3 != 0 ? "c\(customer)@example.com" : ""
                let time = "2024-\(String(format: "%02d", n % 12 + 1))-\(String(format: "%02d", n % 28 + 1))T\(String(format: "%02d", n % 24)):15:00Z"
                let channel = ["web", "", "newsletter", "instagram"][n % 4]
                for line in 0..<(n % 3 + 1) {
                    csv += "C\(customer),\(time),\(n % 90 + 1).\(line)5,\(id),\(currency),\(email),SKU-\((n + line) % 40),\(line + 1),\(channel)\n"
                }
                ids.append(id)
                if currency == "EUR" { inEUR.insert(id) }
            }
        }
        return (csv, ids, inEUR)
    }

    private func load(_ path: String, pieceSize: Int, batchSize: Int, concurrent: Bool) throws -> OrderTable {
        var table = OrderTable(settings: .defaults)
        let reader = ColumnarHistoryReader(
            path: path, format: .csv, shop: .defaults, now: TestFiles.now, pieceSize: pieceSize)
        var loader = OrderColumnsLoader(batchSize: batchSize, concurrent: concurrent)
        var pieces = 0
        guard case .read = try reader.read(into: { piece, read in
            if pieces == 0 {
                table.reserveCapacity(orders: read.estimatedOrders, lines: read.estimatedLineItems, customers: read.estimatedCustomers)
            }
            pieces += 1
            loader.add(piece, to: &table)
        }) else {
            Issue.record("the file went to the full reader")
            return table
        }
        loader.finish(&table)
        #expect(pieces > 20)
        return table
    }

    @Test(
        "repeated order ids, other currencies and many customers across many pieces: the same table as the serial load",
        arguments: [(4096, 10_000), (8192, 97), (16 << 10, 1)])
    func sameAsSerial(pieceSize: Int, batchSize: Int) throws {
        let (csv, ids, inEUR) = Self.history(customers: 3_000)
        let path = TestFiles.write(csv)
        let serial = try load(path, pieceSize: pieceSize, batchSize: batchSize, concurrent: false)
        let concurrent = try load(path, pieceSize: pieceSize, batchSize: batchSize, concurrent: true)
        #expect(serial.orderCount > 5_000)
        #expect(serial.orderCount < ids.count)  // repeated ids replaced their orders
        #expect(serial.excluded.ordersInOtherCurrencies > 0)
        #expect(serial.flags.contains { $0.contains(.excluded) })  // a USD order repeating an EUR order's id
        #expect(concurrent.orderCount == serial.orderCount)
        #expect(concurrent.customers.externalIDs == serial.customers.externalIDs)
        #expect(concurrent.customer == serial.customer)
        #expect(concurrent.day == serial.day)
        #expect(concurrent.month == serial.month)
        #expect(concurrent.placedAt == serial.placedAt)
        #expect(concurrent.gross == serial.gross)
        #expect(concurrent.net == serial.net)
        #expect(concurrent.flags == serial.flags)
        #expect(concurrent.channel == serial.channel)
        #expect(concurrent.lineStart == serial.lineStart)
        #expect(concurrent.lineCount == serial.lineCount)
        #expect(concurrent.lineProduct == serial.lineProduct)
        #expect(concurrent.lineCategory == serial.lineCategory)
        #expect(concurrent.channels.values == serial.channels.values)
        #expect(concurrent.products.values == serial.products.values)
        #expect(concurrent.excluded == serial.excluded)
        #expect(concurrent.latestPlacedAt == serial.latestPlacedAt)
        // The id index handed back: every id finds the same row.
        #expect(ids.map { concurrent.row(ofOrder: $0) } == ids.map { serial.row(ofOrder: $0) })
        #expect(ids.allSatisfy { (serial.row(ofOrder: $0) != nil) == inEUR.contains($0) })
        // Each customer's rows in the same order (the per-customer links).
        for c in 0..<Int32(serial.customers.count) {
            #expect(concurrent.rows(ofCustomer: c) == serial.rows(ofCustomer: c))
        }
    }
}
