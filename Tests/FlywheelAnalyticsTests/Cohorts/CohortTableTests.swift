import FlywheelAnalytics
import FlywheelCore
import Foundation
import Testing

@Suite("Cohorts: monthly acquisition cohorts × months since first purchase")
struct CohortTableTests {
    let snapshot = TestShop.engine(HandShop.batch).snapshot(asOf: TestShop.instant("2025-03-31T12:00:00Z"))

    @Test("the hand shop's cohorts: January (A) and February (B, D), with zero months kept")
    func handShop() throws {
        let table = try snapshot.cohorts()
        #expect(table.groups.count == 1 && table.groups[0].group == nil && table.groups[0].customers == 3)
        let rows = table.groups[0].cohorts
        #expect(rows.map(\.cohort) == [TestShop.month("2025-01"), TestShop.month("2025-02")])
        let january = rows[0]
        #expect(january.customers == 1 && january.cells.count == 3)
        #expect(january.cells[0].activeCustomers == 1 && january.cells[0].orders == 2 && january.cells[0].revenueMinor == 15_000)
        #expect(january.cells[1].activeShare == 1 && january.cells[1].revenueMinor == 5_000)
        #expect(january.cells[1].cumulativeRevenuePerCustomerMinor == 20_000)
        #expect(january.cells[2].activeCustomers == 0 && january.cells[2].cumulativeRevenuePerCustomerMinor == 20_000)
        let february = rows[1]
        #expect(february.customers == 2 && february.cells.count == 2)
        #expect(february.cells[0].revenuePerCustomerMinor == 3_500 && february.cells[0].activeShare == 1)
        // B's March order was refunded in full: no purchase, so B is not active in month 1.
        #expect(february.cells[1].activeCustomers == 0 && february.cells[1].orders == 0)
    }

    @Test("split by channel, by discount at acquisition, by first category and product")
    func splits() throws {
        let byChannel = try snapshot.cohorts(split: .channel)
        #expect(Set(byChannel.groups.map(\.group)) == ["google_ads", "meta_ads", nil])
        let byDiscount = try snapshot.cohorts(split: .acquisitionDiscount)
        #expect(byDiscount.groups.map(\.group) == ["full price", "discount"])
        #expect(byDiscount.groups.map(\.customers) == [2, 1])
        let byCategory = try snapshot.cohorts(split: .firstCategory)
        #expect(byCategory.groups.map(\.group) == ["Kaffee", "Tee"])
        #expect(byCategory.groups[0].cohorts.map(\.cohort) == [TestShop.month("2025-01"), TestShop.month("2025-02")])
        let byProduct = try snapshot.cohorts(split: .firstProduct)
        #expect(byProduct.groups.map(\.group) == ["K1", "T1"])
    }

    @Test("cohorts of a segment")
    func segment() throws {
        let table = try snapshot.cohorts(segment: .rule(SegmentRule(.all, [SegmentCondition(.orders, .equal, .number(1))])))
        #expect(table.groups.count == 1 && table.groups[0].customers == 2)
    }

    @Test("CDNOW_master: the cohort matrix equals what pandas and DuckDB compute (scripts/oracles/cohorts.py)")
    func cdnowMaster() throws {
        var table = OrderTable(currency: .usd, timeZone: TestShop.utc)
        for order in try Fixtures.cdnowMasterOrders() { table.add(order) }
        #expect(table.orderCount == 69_659 && table.customers.count == 23_570)
        let cohorts = try AnalyticsEngine(table: table).snapshot(asOf: TestShop.instant("1998-06-30T23:59:59Z")).cohorts()
        var ours: [String: CohortCell] = [:]
        var sizes: [String: Int] = [:]
        let group = try #require(cohorts.groups.first)
        for row in group.cohorts {
            sizes[row.cohort.description] = row.customers
            for cell in row.cells where cell.orders > 0 { ours["\(row.cohort),\(cell.monthsSinceFirst)"] = cell }
        }
        let csv = try String(contentsOfFile: Fixtures.path("analytics/cdnow_master_cohorts.csv"), encoding: .utf8)
        let lines = csv.split(whereSeparator: \.isNewline)
        #expect(lines.first == "cohort,months_since_first,cohort_customers,active_customers,orders,revenue_minor")
        var expectedCells = 0
        for line in lines.dropFirst() {
            let f = line.split(separator: ",").map(String.init)
            let key = "\(f[0]),\(f[1])"
            let cell = try #require(ours[key], "no cell \(key)")
            #expect(sizes[f[0]] == Int(f[2]), "cohort size \(f[0])")
            #expect(cell.activeCustomers == Int(f[3]), "active \(key)")
            #expect(cell.orders == Int(f[4]), "orders \(key)")
            #expect(cell.revenueMinor == Int64(f[5]), "revenue \(key)")
            expectedCells += 1
        }
        #expect(expectedCells == 51 && ours.count == expectedCells)
    }
}
