import FlywheelCore
import Testing

@testable import FlywheelSimulation

@Suite("Calibration")
struct CalibrationTests {
    static let simulator = ShopSimulator(config: SimulationConfig(customers: 3_000, seed: 99))
    static let summary = SimulationFixtures.ordersCSV(simulator).1

    @Test("about ten orders per customer, two lines per order, a plausible order value")
    func ordersPerCustomer() {
        let summary = Self.summary
        let perCustomer = Double(summary.orders) / Double(summary.customers)
        #expect((8.5...11.5).contains(perCustomer), "orders per customer \(perCustomer)")
        let linesPerOrder = Double(summary.rows) / Double(summary.orders)
        #expect((1.7...2.5).contains(linesPerOrder), "lines per order \(linesPerOrder)")
        let averageOrder = Double(summary.amountMinor) / Double(summary.orders) / 100
        #expect((35...55).contains(averageOrder), "average order value \(averageOrder)")
        let cancelled = Double(summary.cancelledOrdersSkipped) / Double(summary.orders)
        #expect((0.002...0.012).contains(cancelled), "cancelled share \(cancelled)")
    }

    @Test("between a quarter and a half of first orders carry a discount code")
    func firstOrderDiscounts() {
        let share = Double(Self.summary.discountedFirstOrders) / Double(Self.summary.customers)
        #expect((0.25...0.55).contains(share), "discounted first orders \(share)")
    }

    @Test("sale-acquired customers are about as many as expected and buy again less")
    func saleAcquiredRepeatLess() {
        let simulator = Self.simulator
        var customers: [CustomerSegment: Int] = [:]
        var repeats: [CustomerSegment: Int] = [:]
        for index in 0..<simulator.config.customers {
            let truth = simulator.customerTruth(index: index)
            customers[truth.segment, default: 0] += 1
            repeats[truth.segment, default: 0] += truth.repeatPurchases
            #expect(truth.meanOrderValue > 0 && truth.purchaseRatePerWeek > 0)
            #expect((0...1).contains(truth.dropoutProbability))
        }
        let saleShare = Double(customers[.saleAcquired, default: 0]) / Double(simulator.config.customers)
        #expect(abs(saleShare - simulator.truth.expectedSaleAcquiredShare) < 0.03, "sale share \(saleShare)")
        let regularRepeats = Double(repeats[.regular, default: 0]) / Double(customers[.regular, default: 1])
        let saleRepeats = Double(repeats[.saleAcquired, default: 0]) / Double(customers[.saleAcquired, default: 1])
        #expect(saleRepeats < 0.7 * regularRepeats, "repeats: regular \(regularRepeats), sale \(saleRepeats)")
    }

    @Test("the customer truth matches the generated orders")
    func customerTruthMatchesOrders() {
        let simulator = SimulationFixtures.simulator
        let orders = Dictionary(
            grouping: SimulationFixtures.batches.flatMap(\.orders).filter { $0.cancelledAt == nil },
            by: { $0.customerExternalID ?? "" })
        for index in stride(from: 0, to: simulator.config.customers, by: 7) {
            let truth = simulator.customerTruth(index: index)
            let own = orders[truth.externalID, default: []]
            #expect(own.count == truth.repeatPurchases + 1)
            #expect(own.first?.placedAt == truth.acquiredAt)
            #expect(own.last?.placedAt == truth.lastPurchaseAt)
            #expect(own.first?.channel == truth.acquisitionChannel)
        }
    }

    @Test("marketing spend is plausible against the customers the paid channels bring")
    func marketingSpend() {
        let simulator = Self.simulator
        let spend = simulator.marketingSpend
        var acquired: [String: Int] = [:]
        for index in 0..<simulator.config.customers {
            acquired[simulator.customerTruth(index: index).acquisitionChannel, default: 0] += 1
        }
        for (channel, target) in simulator.truth.targetCostPerAcquisitionMinor {
            let total = spend.filter { $0.channel == channel }.reduce(Int64(0)) { $0 + $1.amount.minorUnits }
            let perCustomer = Double(total) / Double(acquired[channel, default: 1])
            #expect(abs(perCustomer / Double(target) - 1) < 0.15, "\(channel): \(perCustomer) per customer")
        }
    }
}
