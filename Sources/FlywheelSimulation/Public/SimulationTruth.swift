public import FlywheelCore

/// The documented true parameters of the simulated shop's generating process, so tests can check that
/// analytics recover them. `docs/simulation.md` describes each one.
public struct SimulationTruth: Sendable, Hashable {
    /// The first day customers arrive (shop-local date).
    public var firstDay: CivilDate
    /// The last simulated day (shop-local date, inclusive): `SimulationConfig.endDate`.
    public var lastDay: CivilDate
    /// The BG/NBD time unit: λ is in purchases per this many days (7, a week).
    public var purchaseTimeUnitDays: Int
    /// Customers who did not come for a sale.
    public var regular: SegmentTruth
    /// Customers who came for a sale.
    public var saleAcquired: SegmentTruth
    /// The sales in the simulated period.
    public var salePeriods: [SalePeriod]
    /// The expected share of sale-acquired customers, from the arrival weights and the sales' boosts.
    public var expectedSaleAcquiredShare: Double
    /// The share of German-speaking customers (the others speak English).
    public var germanShare: Double
    /// Acquisition channel shares of regular customers, by channel name.
    public var regularChannelShares: [String: Double]
    /// Acquisition channel shares of sale-acquired customers, by channel name.
    public var saleChannelShares: [String: Double]
    /// The cost per acquired customer each paid channel's monthly spend aims at (cents, ±15 % noise).
    public var targetCostPerAcquisitionMinor: [String: Int64]
    /// The probability that a repeat order is preceded by a cancelled duplicate of it.
    public var cancelledDuplicateProbability: Double
    /// Per delivered order: the probability of an NPS answer.
    public var npsResponseProbability: Double
    /// Per delivered order: the probability of a CSAT answer.
    public var csatResponseProbability: Double
    /// Per delivered order: the probability of a product review.
    public var reviewProbability: Double
    /// Shipping charged (cents) on orders whose subtotal after discount is below `freeShippingFromMinor`.
    public var shippingMinor: Int64
    /// The subtotal (cents) from which shipping is free.
    public var freeShippingFromMinor: Int64
    /// The VAT rate included in all prices, in percent.
    public var vatPercent: Int64

    /// The true parameters of a segment.
    public func parameters(for segment: CustomerSegment) -> SegmentTruth {
        switch segment {
        case .regular: regular
        case .saleAcquired: saleAcquired
        }
    }

    /// The documented model for the given period.
    init(calendar: AcquisitionCalendar) {
        firstDay = CivilDate(daysSinceEpoch: calendar.firstDay)
        lastDay = CivilDate(daysSinceEpoch: calendar.firstDay + calendar.dayCount - 1)
        purchaseTimeUnitDays = 7
        regular = SegmentTruth(
            segment: .regular, purchase: BGNBDParameters(r: 1.8, alpha: 4.8, a: 1.0, b: 13.0),
            spend: GammaGammaParameters(p: 6.0, q: 4.0, gamma: 22.0))
        saleAcquired = SegmentTruth(
            segment: .saleAcquired, purchase: BGNBDParameters(r: 1.2, alpha: 6.0, a: 1.4, b: 6.0),
            spend: GammaGammaParameters(p: 6.0, q: 4.0, gamma: 16.0))
        salePeriods = calendar.sales
        expectedSaleAcquiredShare = zip(calendar.dayShares(), calendar.boost).reduce(0) { $0 + $1.0 * (1 - 1 / $1.1) }
        germanShare = 0.7
        regularChannelShares = Dictionary(
            uniqueKeysWithValues: zip(SalesChannel.allCases.map(\.name), SalesChannel.regularShares))
        saleChannelShares = Dictionary(
            uniqueKeysWithValues: zip(SalesChannel.allCases.map(\.name), SalesChannel.saleShares))
        targetCostPerAcquisitionMinor = Dictionary(
            uniqueKeysWithValues: SalesChannel.allCases.compactMap { c in
                c.targetCostPerAcquisition.map { (c.name, $0) }
            })
        cancelledDuplicateProbability = 0.006
        npsResponseProbability = 0.20
        csatResponseProbability = 0.12
        reviewProbability = 0.10
        shippingMinor = 490
        freeShippingFromMinor = 4_900
        vatPercent = 19
    }
}
