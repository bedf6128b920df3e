public import FlywheelCore
public import Foundation

/// A realistic, deterministic simulated coffee and kitchen shop ("Bohnenwerk") for demos, tests and
/// benchmarks: customers, orders, shipments, refunds, returns, surveys, reviews and marketing spend.
///
/// Pure computation: no files, no clock. The same configuration gives byte-identical output on every
/// machine and with any number of threads, because each customer is generated from its own random stream
/// derived from (seed, customer index). `docs/simulation.md` documents the process and its true parameters.
public struct ShopSimulator: Sendable {
    let model: SimulationModel

    /// Prepares a simulation (cheap: tables only; nothing is generated until asked for).
    public init(config: SimulationConfig) {
        model = SimulationModel(config: config)
    }

    /// The configuration simulated.
    public var config: SimulationConfig { model.config }

    /// The demo shop: name, EUR, Europe/Berlin, German default.
    public var settings: ShopSettings {
        ShopSettings(
            name: "Bohnenwerk Kaffee & Küche", currency: .eur, timeZoneIdentifier: "Europe/Berlin",
            defaultLocale: .de)
    }

    /// The documented true parameters of the generating process.
    public var truth: SimulationTruth { model.truth }

    /// The product catalogue.
    public var products: [Product] { model.catalogue.items.map(\.product) }

    /// The last instant of the simulated history (end of `endDate` in the shop's zone). Nothing happens
    /// after it; use it as `now` when validating the records.
    public var endInstant: Date { Date(timeIntervalSince1970: TimeInterval(model.endUTC)) }

    /// The external id of customer `index` (0-based, in acquisition order): `C0000001` for index 0.
    public static func customerID(index: Int) -> String { SimulationModel.customerID(index) }

    /// What the generating process drew for customer `index` (0-based, in acquisition order).
    public func customerTruth(index: Int) -> CustomerTruth {
        precondition((0..<config.customers).contains(index), "customer index out of range")
        var history = CustomerHistory(productCount: model.catalogue.items.count)
        model.generateHistory(index: index, into: &history)
        let live = history.orders.filter { !$0.isCancelled }
        let spend = model.truth.parameters(for: history.segment).spend
        return CustomerTruth(
            externalID: SimulationModel.customerID(index), segment: history.segment,
            acquisitionChannel: history.channel.name,
            acquiredAt: Date(timeIntervalSince1970: TimeInterval(live[0].placedAt)),
            purchaseRatePerWeek: history.purchaseRate, dropoutProbability: history.dropout,
            spendRate: history.spendRate, meanOrderValue: spend.p / history.spendRate, isAlive: history.isAlive,
            repeatPurchases: history.repeatPurchases,
            lastPurchaseAt: Date(timeIntervalSince1970: TimeInterval(live[live.count - 1].placedAt)))
    }
}
