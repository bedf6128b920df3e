import FlywheelCore
import Testing

@testable import FlywheelSimulation

@Suite("Orders CSV")
struct OrdersCSVTests {
    /// One parsed row.
    struct Row {
        var customer: String
        var datetime: String
        var amount: Int64
        var order: String
        var fields: [Substring]
    }

    static func rows(_ bytes: [UInt8]) -> (header: String, rows: [Row]) {
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasSuffix("\n"))
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        lines.removeLast()
        let rows = lines.dropFirst().map { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            let amount = (try? DecimalAmount.parse(fields[2], digits: 2).get()) ?? -1
            return Row(
                customer: String(fields[0]), datetime: String(fields[1]), amount: amount, order: String(fields[3]),
                fields: fields)
        }
        return (String(lines[0]), rows)
    }

    @Test("header, one row per line item, adjacent orders, sums equal to the orders' subtotals")
    func parsesAndMatchesTheBatches() throws {
        let (bytes, summary) = SimulationFixtures.csv
        let (header, rows) = Self.rows(bytes)
        #expect(header == "customer_id,datetime,amount,order_id,currency,email,sku,quantity,channel")
        #expect(rows.count == summary.rows)
        #expect(bytes.count == summary.bytes)
        #expect(rows.allSatisfy { $0.fields.count == 9 && $0.amount >= 0 })
        #expect(
            rows.allSatisfy { $0.fields[4] == "EUR" && $0.fields[5] == "c" + $0.customer.dropFirst() + "@example.com" })
        #expect(rows.allSatisfy { TimestampText.parse($0.fields[1]) != nil && $0.datetime.hasSuffix("Z") })

        // Adjacent rows of an order; sums per order.
        var sums: [String: Int64] = [:]
        var orderSequence: [String] = []
        for row in rows {
            if orderSequence.last != row.order {
                #expect(sums[row.order] == nil, "order \(row.order) is not adjacent")
                orderSequence.append(row.order)
            }
            sums[row.order, default: 0] += row.amount
        }
        #expect(summary.orders == orderSequence.count)
        #expect(summary.amountMinor == rows.reduce(0) { $0 + $1.amount })

        let orders = SimulationFixtures.batches.flatMap(\.orders).filter { $0.cancelledAt == nil }
        #expect(orders.count == orderSequence.count)
        for order in orders {
            #expect(sums[order.externalID] == order.subtotalMinor)
        }
        #expect(orders.map(\.externalID) == orderSequence)
    }

    @Test("customers in acquisition order, each customer's orders in time order")
    func ordering() {
        let (_, rows) = Self.rows(SimulationFixtures.csv.bytes)
        #expect(zip(rows, rows.dropFirst()).allSatisfy { $0.customer <= $1.customer })
        // Arrival times follow customer order.
        var firstOrderTime: [String] = []
        var lastCustomer = ""
        for row in rows where row.customer != lastCustomer {
            firstOrderTime.append(row.datetime)
            lastCustomer = row.customer
        }
        #expect(firstOrderTime == firstOrderTime.sorted())
        for (a, b) in zip(rows, rows.dropFirst()) where a.customer == b.customer && a.order != b.order {
            #expect(a.datetime < b.datetime)
        }
    }

    @Test("an empty shop is just the header")
    func emptyShop() {
        let (bytes, summary) = SimulationFixtures.ordersCSV(
            ShopSimulator(config: SimulationConfig(customers: 0, seed: 1)))
        #expect(String(decoding: bytes, as: UTF8.self) == String(decoding: SimulationModel.csvHeader, as: UTF8.self))
        #expect(summary.orders == 0)
        let batches = Array(
            ShopSimulator(config: SimulationConfig(customers: 0, seed: 1)).batches(customersPerBatch: 10))
        #expect(batches.count == 1)
        #expect(batches[0].customers.isEmpty && !batches[0].products.isEmpty)
    }

    @Test("numbers are formatted by hand correctly")
    func formatting() {
        var out: [UInt8] = []
        ByteFormatting.appendCents(2_490, to: &out)
        out.append(32)
        ByteFormatting.appendCents(5, to: &out)
        out.append(32)
        ByteFormatting.appendCents(-1_234_567, to: &out)
        out.append(32)
        ByteFormatting.appendDecimal(42, width: 7, to: &out)
        out.append(32)
        ByteFormatting.appendTimestamp(1_741_945_267, to: &out)
        out.append(32)
        ByteFormatting.appendTimestamp(0, to: &out)
        #expect(
            String(decoding: out, as: UTF8.self)
                == "24.90 0.05 -12345.67 0000042 2025-03-14T09:41:07Z 1970-01-01T00:00:00Z")
    }
}
