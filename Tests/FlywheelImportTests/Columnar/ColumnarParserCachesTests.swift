import FlywheelCore
import Foundation
import Testing

@testable import FlywheelImport

/// The parser's shortcuts of the sixth round: the line split that handles every separator of a word in one
/// go, and the caches in front of the SKU, channel and currency interners. Each must give exactly what the
/// plain way gives — the columnar tables against the full reader's (`ColumnarHistoryReaderTests`) and the
/// cached interning against the interner alone.
@Suite("Columnar parser: word-wise line split and short-field caches")
struct ColumnarParserCachesTests {
    /// Distinct byte strings of every length from 1 to 20 (the cache holds up to 16), many sharing their
    /// first eight bytes, so that there are far more values than the cache's 64 slots.
    private static let values: [[UInt8]] = {
        var values: [[UInt8]] = []
        for length in 1...20 {
            for variant in 0..<12 {
                var bytes = Array("KAF-ESP-1000-XYZW".utf8.prefix(length))
                while bytes.count < length { bytes.append(UInt8(ascii: "Q")) }
                bytes[length - 1] = UInt8(ascii: "a") + UInt8(variant)
                if variant % 3 == 1 { bytes[0] = UInt8(ascii: "Z") }
                values.append(bytes)
            }
        }
        return Array(Set(values)).sorted { $0.lexicographicallyPrecedes($1) }
    }()

    @Test("the cache in front of an interner gives the interner's index for every field, hit or miss")
    func cacheGivesTheInternersIndex() {
        // One buffer holding the values in a pseudo-random order with repeats, each followed by a comma.
        var state: UInt64 = 0x1234_5678
        let frequent = Self.values.filter { $0.count <= 16 }.enumerated().filter { $0.offset % 9 == 0 }.map(\.element)
        var buffer: [UInt8] = []
        var fields: [(start: Int, count: Int)] = []
        for _ in 0..<5_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            // Mostly a few values (as a shop's SKUs), sometimes any.
            let value = state >> 60 < 12 ? frequent[Int(state >> 33) % 6] : Self.values[Int(state >> 33) % Self.values.count]
            fields.append((buffer.count, value.count))
            buffer += value + [0x2C]
        }
        var plain = ByteInterner()
        var cached = ByteInterner()
        let cache = ShortFieldCache()
        defer { cache.deallocate() }
        var hits = 0
        buffer.withUnsafeBufferPointer { bytes in
            for field in fields {
                let slice = UnsafeBufferPointer(rebasing: bytes[field.start..<field.start + field.count])
                let expected = plain.intern(slice).index
                let key = ShortFieldCache.key(start: field.start, count: field.count, in: bytes)
                #expect((key == nil) == (field.count > 16 || field.start + 16 > bytes.count))
                let index: Int32
                if let key, let remembered = cache.index(of: key) {
                    index = remembered
                    hits += 1
                } else {
                    index = cached.intern(slice).index
                    if let key { cache.remember(key, index: index) }
                }
                #expect(index == expected)
            }
        }
        #expect(hits > 2_500)  // the cache is used
        #expect(cached.count == plain.count)
    }

    @Test("SKUs, channels and currency spellings of every length, changing from row to row, read as the full reader reads them")
    func manyShortFields() throws {
        var csv = "customer_id,datetime,amount,order_id,currency,email,sku,quantity,channel\r\n"
        let currencies = ["EUR", "eur", "USD", "", " EUR", "Eur"]
        let channels = ["organic", "newsletter", "google_ads", "a", "", "channel-with-17by", "x y"]
        for row in 0..<2_400 {
            let customer = row / 6  // an order's two rows have one customer
            let order = row / 2
            let sku = String(decoding: Self.values[(row * 7) % Self.values.count], as: UTF8.self)
            let time = "2025-0\(row % 9 + 1)-1\(row % 10)T0\(row % 10):1\(row % 6):2\(row % 10)Z"
            let currency = currencies[order % currencies.count]
            let channel = channels[order % channels.count]
            let email = row % 11 == 0 ? "" : "c\(customer)@example.com"
            // Spaces, '!', '#', '+' and '&' are bytes below the comma that are not separators.
            let amount = row % 13 == 0 ? " 1.50 " : "\(row % 97).\(row % 10)9"
            csv += "C#\(customer)!,\(time),\(amount),O+\(order)&,\(currency),\(email),\(sku),\(row % 3 + 1),\(channel)"
            csv += row % 4 == 0 ? "\r\n" : "\n"
        }
        let path = TestFiles.write(csv)
        for pieceSize in [4096, 1 << 30] {
            try expectSameTables(path, pieceSize: pieceSize)
        }
        // The last line without a line feed, and then with a carriage return only.
        try expectSameTables(TestFiles.write(String(csv.dropLast())), pieceSize: 1 << 30)
        try expectSameTables(TestFiles.write(String(csv.dropLast()) + "\r"), pieceSize: 1 << 30)
    }

    @Test(
        "a quote, a control byte or a wrong number of columns anywhere in a word still sends the file to the full reader",
        arguments: [
            "C1,2024-01-05T10:00:00Z,1.00,O-1,SKU\u{1}",
            "C1,2024-01-05T10:00:00Z,1.00,O-1,S\"KU",
            "C1,2024-01-05T10:00:00Z,1.00,O-1\r,SKU",
            "C1,2024-01-05T10:00:00Z,1.00,O-1,SKU,",
            "C1,2024-01-05T10:00:00Z,1.00,O-1",
            "C1,2024-01-05T10:00:00Z\t,1.00,O-1,SKU",
        ])
    func irregularRows(row: String) throws {
        let csv = "customer_id,datetime,amount,order_id,sku\nC0,2024-01-04T10:00:00Z,2.00,O-0,SKU-A\n\(row)\n"
        #expect(try columnarOrders(TestFiles.write(csv), pieceSize: 1 << 30) == nil)
        // The same row last, without a line feed.
        #expect(try columnarOrders(TestFiles.write(String(csv.dropLast())), pieceSize: 1 << 30) == nil)
    }

    // MARK: Helpers

    private func columnarOrders(_ path: String, pieceSize: Int) throws -> [OrderColumns]? {
        let reader = ColumnarHistoryReader(
            path: path, format: .csv, shop: .defaults, now: TestFiles.now, pieceSize: pieceSize)
        var pieces: [OrderColumns] = []
        guard case .read = try reader.read(into: { piece, _ in pieces.append(piece) }) else { return nil }
        return pieces
    }

    /// The columnar orders, with ids, customers, SKUs, channels and currencies resolved to their values,
    /// equal the full reader's orders.
    private func expectSameTables(_ path: String, pieceSize: Int) throws {
        let pieces = try #require(try columnarOrders(path, pieceSize: pieceSize))
        var reader = try OrderHistoryReader(path: path, format: .csv, shop: .defaults, now: TestFiles.now)
        var orders: [Order] = []
        while let batch = try reader.nextBatch(maxOrders: 1_000) {
            #expect(batch.rejections.isEmpty)
            orders += batch.records.orders
        }
        var columnar: [[String]] = []
        for piece in pieces {
            for i in 0..<piece.count {
                columnar.append([
                    "\(piece.keyHigh[i]):\(piece.keyLow[i])", piece.customerIDs[Int(piece.customer[i])],
                    "\(piece.placedAt[i])", "\(piece.totalMinor[i])", piece.currencies[Int(piece.currency[i])].code,
                    piece.channel[i] < 0 ? "" : piece.channels[Int(piece.channel[i])],
                    piece.lines(of: i).map { piece.lineSKU[$0] < 0 ? "" : piece.skus[Int(piece.lineSKU[$0])] }
                        .joined(separator: "|"),
                ])
            }
        }
        let full = orders.map { order in
            let key = ExternalIDHash.hash(order.externalID)
            return [
                "\(key.high):\(key.low)", order.customerExternalID ?? "",
                "\(Int64(order.placedAt.timeIntervalSince1970))", "\(order.totalMinor)", order.currency.code,
                order.channel ?? "", order.lineItems.map { $0.sku ?? "" }.joined(separator: "|"),
            ]
        }
        #expect(columnar.count == full.count)
        #expect(columnar == full)
    }
}
