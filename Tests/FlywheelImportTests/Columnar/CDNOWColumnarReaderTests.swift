import FlywheelCore
import Foundation
import Testing

@testable import FlywheelAnalytics
@testable import FlywheelImport

/// CDNOW files read in columns (`ColumnarHistoryReader` → `CDNOWChunkParser` → `OrderColumnsLoader`) against
/// the full reader (`OrderHistoryReader` → `CDNOWFormat` → `OrderTable.add(IngestBatch)`): the same table,
/// hence the same report byte for byte, and the full reader — with its rejections — for any row it needs.
@Suite("CDNOW read in columns")
struct CDNOWColumnarReaderTests {
    private static func settings(timeZone: String) -> ShopSettings {
        var settings = ShopSettings.defaults
        settings.timeZoneIdentifier = timeZone
        settings.currency = .usd
        return settings
    }

    /// The table the full reader builds in batches of 10,000 orders, as `flywheel report --input` built it.
    private func fullTable(_ path: String, _ format: ImportFormat, timeZone: String) throws -> OrderTable {
        let settings = Self.settings(timeZone: timeZone)
        var table = OrderTable(settings: settings)
        var reader = try OrderHistoryReader(path: path, format: format, shop: settings, now: TestFiles.now)
        while let batch = try reader.nextBatch(maxOrders: 10_000) { table.add(batch.records) }
        return table
    }

    /// The table read in columns (pieces of `pieceSize / 32` orders); `nil` when the file needs the full reader.
    private func columnarTable(
        _ path: String, _ format: ImportFormat, timeZone: String = "UTC", pieceSize: Int = 32 << 20
    ) throws -> (table: OrderTable, read: ColumnarHistory, pieces: Int)? {
        let settings = Self.settings(timeZone: timeZone)
        var table = OrderTable(settings: settings)
        let reader = ColumnarHistoryReader(
            path: path, format: format, shop: settings, now: TestFiles.now, pieceSize: pieceSize)
        var loader = OrderColumnsLoader(batchSize: 10_000)
        var pieces = 0
        guard case .read(let read) = try reader.read(into: { piece, _ in
            pieces += 1
            loader.add(piece, to: &table)
        }) else { return nil }
        loader.finish(&table)
        return (table, read, pieces)
    }

    /// The whole report with CLV, in all four formats.
    private func renders(_ table: OrderTable, timeZone: String) throws -> [String] {
        let calendar = Self.settings(timeZone: timeZone).calendar
        let day = calendar.localDate(of: Date(timeIntervalSince1970: TimeInterval(table.latestPlacedAt)))
        let asOf = calendar.instant(localDate: day.adding(days: 1), secondsOfDay: 0).addingTimeInterval(-1)
        let snapshot = AnalyticsEngine(table: table, options: AnalyticsOptions()).snapshot(asOf: asOf)
        var sections = ReportSection.standard
        sections.insert(.clv)
        let report = try snapshot.retentionReport(
            RetentionReportOptions(shopName: "Test", from: nil, through: nil, segment: .all, sections: sections),
            clvOptions: ReportCLVOptions(topCustomers: 10))
        return try ReportFormat.allCases.map { try $0.render(report, locale: .en) }
    }

    /// Both readers' tables agree column by column (and, with `reports`, their reports byte for byte).
    @discardableResult
    private func expectSame(
        _ path: String, _ format: ImportFormat, timeZone: String = "UTC", pieceSize: Int = 32 << 20,
        reports: Bool = false
    ) throws -> (table: OrderTable, read: ColumnarHistory, pieces: Int) {
        let full = try fullTable(path, format, timeZone: timeZone)
        let columnar = try #require(try columnarTable(path, format, timeZone: timeZone, pieceSize: pieceSize))
        let table = columnar.table
        #expect(table.orderCount == full.orderCount)
        #expect(table.customers.externalIDs == full.customers.externalIDs)
        #expect(table.customer == full.customer)
        #expect(table.placedAt == full.placedAt)
        #expect(table.day == full.day)
        #expect(table.month == full.month)
        #expect(table.gross == full.gross)
        #expect(table.net == full.net)
        #expect(table.flags == full.flags)
        #expect(table.channel == full.channel)
        #expect(table.lineStart == full.lineStart)
        #expect(table.lineCount == full.lineCount)
        #expect(table.lineProduct == full.lineProduct)
        #expect(table.lineCategory == full.lineCategory)
        #expect(table.excluded == full.excluded)
        #expect(table.latestPlacedAt == full.latestPlacedAt)
        #expect(table.rowByKey.count == full.rowByKey.count)
        for c in 0..<Int32(full.customers.count) where c % 97 == 0 {
            #expect(table.rows(ofCustomer: c) == full.rows(ofCustomer: c))
        }
        if reports { #expect(try renders(table, timeZone: timeZone) == renders(full, timeZone: timeZone)) }
        return columnar
    }

    @Test("CDNOW_sample: the same table and report (text, JSON, CSV, HTML) as the full reader, in two pieces and in many")
    func sample() throws {
        let path = TestFiles.fixture("cdnow/CDNOW_sample.txt")
        let two = try expectSame(path, .cdnowSample, reports: true)
        #expect(two.pieces == 2)  // 4,096 orders a piece at least (`cdnowPieceOrders`)
        #expect(two.read.rowsRead == 6_919)
        #expect(two.read.orderCount == 6_919)
        #expect(two.table.customers.count == 2_357)
        let many = try expectSame(path, .cdnowSample, pieceSize: 4096)  // 128 orders a piece
        #expect(many.pieces == 55)
    }

    @Test("CDNOW_master: the same table and report as the full reader")
    func master() throws {
        let read = try expectSame(TestFiles.fixture("cdnow/CDNOW_master.txt"), .cdnow, reports: true).read
        #expect(read.rowsRead == 69_659)
    }

    @Test(
        "dates are local midnight in the shop's zone, as the full reader reads them (zones with DST, midnight skipped)",
        arguments: ["America/New_York", "America/Sao_Paulo", "Asia/Kathmandu", "Pacific/Kiritimati"])
    func timeZones(zone: String) throws {
        try expectSame(TestFiles.fixture("cdnow/CDNOW_sample.txt"), .cdnowSample, timeZone: zone, pieceSize: 8192)
    }

    @Test("rows of one customer on one day are counted into their keys, across pieces, as the full reader counts them")
    func sameDayRuns() throws {
        // Runs of one to three rows per customer and day, a day coming back after another (a new run: the
        // key repeats, the later order replaces the earlier), tabs, CRLF, blank lines and a byte-order mark.
        var text = "\u{FEFF}customer_id date number_of_cds dollar_value\r\n"
        for customer in 1...300 {
            let id = String(format: "%05d", customer)
            for day in 1...(customer % 4 + 1) {
                for _ in 0..<(customer + day) % 3 + 1 {
                    text += " \(id)\t1997010\(day)  \(customer % 5 + 1)   \(customer % 40).\(day)5\r\n"
                }
            }
            if customer % 7 == 0 { text += "\(id) 19970101 1 3\n\n" }
        }
        let path = TestFiles.write(text, name: "master.txt")
        let result = try expectSame(path, .cdnow, pieceSize: 4096)
        #expect(result.pieces > 5)
        #expect(result.read.rowsRead > result.table.orderCount)  // repeated keys replaced orders
    }

    @Test("a master file without its header, and a sample file with one, are read as the full reader reads them")
    func headers() throws {
        try expectSame(TestFiles.write("00001 19970101 1 11.77\n00002 19970112 2 12.00\n", name: "m.txt"), .cdnow)
        try expectSame(
            TestFiles.write("master sample date cds dollars\n00004 0001 19970101 2 29.33\n", name: "s.txt"), .cdnowSample)
    }

    @Test(
        "a row the importer would reject sends the file to the full reader, which names its line, field and reason",
        arguments: [
            (" 00002 19970112 1 -12.00", "dollar_value", "must not be negative"),
            (" 00002 19970112 1 12.001", "dollar_value", "has more than 2 decimal places"),
            (" 00002 19970112 1 12,00", "dollar_value", "is not a decimal number (use digits with '.' as decimal separator, e.g. 12.50)"),
            (" 00002 19971312 1 12.00", "date", "is not a valid date or date-time (use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS±HH:MM)"),
            (" 00002 1997011 1 12.00", "date", "is not a date in the form YYYYMMDD"),
            (" 00002 20300112 1 12.00", "placed_at", "is in the future"),
            (" 00002 19890112 1 12.00", "placed_at", "is before 1990"),
            (" 00002 19970112 0 12.00", "number_of_cds", "must be 1 to 100000"),
            (" 00002 19970112 x 12.00", "number_of_cds", "is not a whole number"),
            (" 00002 19970112 1", "row", "expected 4 columns, found 3"),
            (" 00002 19970112 1 12.00 7", "row", "expected 4 columns, found 5"),
        ])
    func rejectedRow(row: String, field: String, reason: String) throws {
        let text = "customer_id date number_of_cds dollar_value\n 00001 19970101 1 11.77\n\(row)\n 00003 19970102 2 5.00\n"
        let path = TestFiles.write(text, name: "master.txt")
        #expect(try columnarTable(path, .cdnow) == nil)
        var reader = try OrderHistoryReader(path: path, format: .cdnow, shop: Self.settings(timeZone: "UTC"), now: TestFiles.now)
        var rejections: [RowRejection] = []
        var orders = 0
        while let batch = try reader.nextBatch() {
            rejections += batch.rejections
            orders += batch.records.orders.count
        }
        #expect(rejections.map { "\($0.line) \($0.field): \($0.reason)" } == ["3 \(field): \(reason)"])
        #expect(orders == 2)
    }

    @Test("pieces are an eighth of the file's rows (at about 32 bytes a row), 4,096 orders at least, pieceSize / 32 at most")
    func pieceOrders() {
        #expect(ColumnarHistoryReader.cdnowPieceOrders(fileSize: 1_950_500, pieceSize: 32 << 20) == 7_619)  // master
        #expect(ColumnarHistoryReader.cdnowPieceOrders(fileSize: 228_327, pieceSize: 32 << 20) == 4_096)  // sample
        #expect(ColumnarHistoryReader.cdnowPieceOrders(fileSize: 1 << 40, pieceSize: 32 << 20) == 1 << 20)
        #expect(ColumnarHistoryReader.cdnowPieceOrders(fileSize: 1_950_500, pieceSize: 4096) == 128)
    }

    /// A master file of `customers` customers with a row each, `extra` after the `at`-th row.
    private func masterFile(customers: Int, extra: String, at: Int) -> String {
        var text = "customer_id date number_of_cds dollar_value\n"
        for customer in 1...customers {
            text += " \(String(format: "%05d", customer)) 19970101 1 \(customer % 50).25\n"
            if customer == at { text += extra + "\n" }
        }
        return TestFiles.write(text, name: "master.txt")
    }

    @Test("a bad row after pieces were handed over (the parser on its own thread) still sends the file to the full reader")
    func badRowLate() throws {
        let path = masterFile(customers: 3_000, extra: " 02999 19970112 1 -12.00", at: 2_900)
        var handed = 0
        let reader = ColumnarHistoryReader(
            path: path, format: .cdnow, shop: Self.settings(timeZone: "UTC"), now: TestFiles.now, pieceSize: 4096)
        guard case .needsFullReader(let reason) = try reader.read(into: { _, _ in handed += 1 }) else {
            Issue.record("read in columns despite a negative amount")
            return
        }
        #expect(handed == 22)  // the pieces of 128 orders before the bad row (2,900 rows), from the parser's thread
        #expect(!reason.isEmpty)
        #expect(try columnarTable(path, .cdnow, pieceSize: 4096) == nil)
    }

    @Test("when the consumer throws, the parser stops and the error comes out (nothing more is handed over)")
    func consumerError() throws {
        struct Stop: Error {}
        let path = masterFile(customers: 3_000, extra: " 03000 19970102 1 1.00", at: 3_000)
        let reader = ColumnarHistoryReader(
            path: path, format: .cdnow, shop: Self.settings(timeZone: "UTC"), now: TestFiles.now, pieceSize: 4096)
        var handed = 0
        #expect(throws: Stop.self) {
            _ = try reader.read(into: { _, _ in
                handed += 1
                if handed == 3 { throw Stop() }
            })
        }
        #expect(handed == 3)
        // The whole file, for comparison: every row in pieces of 128 orders.
        let all = try #require(try columnarTable(path, .cdnow, pieceSize: 4096))
        #expect(all.pieces == 24 && all.read.rowsRead == 3_001)
    }

    @Test(
        "what the full reader must judge (other bytes, a wrong header, an empty file) goes to it",
        arguments: [
            "customer_id date number_of_cds dollar_value\n 0000é 19970101 1 11.77\n",
            "customer_id date dollar_value\n 00001 19970101 1 11.77\n",
            "customer_id date number_of_cds dollar_value\n 00001 19970101 1 +11.77\n",
            "customer_id date number_of_cds dollar_value\n 00001 19970101 0000001 11.77\n",
            " \n\t\n",
        ])
    func fullReaderNeeded(text: String) throws {
        #expect(try columnarTable(TestFiles.write(text, name: "master.txt"), .cdnow) == nil)
    }
}
