import FlywheelCore

/// Everything the per-customer generator reads: configuration, truth, catalogue, calendar and lookup tables.
/// Immutable and shared by all threads.
struct SimulationModel: Sendable {
    let config: SimulationConfig
    let truth: SimulationTruth
    let catalogue: Catalogue
    let calendar: AcquisitionCalendar
    let clock: ShopClock
    /// The last second of the last day (UTC seconds).
    let endUTC: Int64
    /// Welcome, friend, then each sale's code.
    let codes: [DiscountCode]
    /// For each sale in `calendar.sales`, its code's index in `codes`.
    let saleCodeIndex: [Int8]

    let regularChannels: [Double]
    let saleChannels: [Double]
    let repeatChannels: [Double]
    let categoryWeights: [Double]
    let categoryCumulative: [Double]
    /// Per product: price, popularity, reorder cycle (0 for none), whether repeat quantities are usual.
    let price: [Int64]
    let popularity: [Double]
    let cycleDays: [Int32]
    let stackable: [Bool]
    let consumableMask: UInt64
    let cheapestInCategory: [Int]

    init(config: SimulationConfig) {
        self.config = config
        let lastDay = config.endDate.daysSinceEpoch
        let clock = ShopClock(years: (config.endDate.year - 3)...(config.endDate.year + 1))
        self.clock = clock
        calendar = AcquisitionCalendar(lastDay: lastDay, dayCount: SimulationConfig.acquisitionDays, clock: clock)
        truth = SimulationTruth(calendar: calendar)
        catalogue = Catalogue()
        endUTC = clock.utc(local: Int64(lastDay + 1) * 86_400) - 1
        var codes = [DiscountCode.welcome, DiscountCode.friend]
        var saleCodeIndex: [Int8] = []
        for sale in calendar.sales {
            if let existing = codes.firstIndex(where: { $0.code == sale.code }) {
                saleCodeIndex.append(Int8(existing))
            } else {
                saleCodeIndex.append(Int8(codes.count))
                codes.append(DiscountCode(code: sale.code, percentOff: sale.percentOff))
            }
        }
        self.codes = codes
        self.saleCodeIndex = saleCodeIndex
        regularChannels = SalesChannel.cumulative(SalesChannel.regularShares)
        saleChannels = SalesChannel.cumulative(SalesChannel.saleShares)
        repeatChannels = SalesChannel.cumulative(SalesChannel.repeatShares)
        categoryWeights = ProductCategory.allCases.map(\.baseWeight)
        categoryCumulative = SalesChannel.cumulative(categoryWeights)
        let items = catalogue.items
        price = items.map(\.priceCents)
        popularity = items.map(\.popularity)
        cycleDays = items.map { Int32($0.reorderCycleDays ?? 0) }
        stackable = items.map { $0.reorderCycleDays != nil || $0.category == .tableware }
        consumableMask = catalogue.consumables.reduce(UInt64(0)) { $0 | (1 << UInt64($1)) }
        cheapestInCategory = catalogue.byCategory.map { indices in
            indices.min { items[$0].priceCents < items[$1].priceCents }!
        }
    }

    /// Shipping charged on an order with this subtotal.
    @inline(__always)
    func shipping(subtotal: Int64) -> Int64 { subtotal >= truth.freeShippingFromMinor ? 0 : truth.shippingMinor }

    /// The VAT contained in a gross amount, rounded half up.
    @inline(__always)
    func includedVAT(gross: Int64) -> Int64 {
        let rate = truth.vatPercent
        return (gross * rate * 2 + (100 + rate)) / ((100 + rate) * 2)
    }

    /// The customer's external id, `C` and at least seven digits: `C0000001`.
    static func customerID(_ index: Int) -> String { "C" + padded(index + 1, 7) }

    /// The order's external id: `O`, the customer's number, `-`, the order's number: `O0000001-3`.
    static func orderID(customer index: Int, number: Int32) -> String {
        "O" + padded(index + 1, 7) + "-" + String(number)
    }

    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
