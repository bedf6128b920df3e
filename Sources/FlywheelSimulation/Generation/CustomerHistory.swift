import FlywheelCore

/// One customer's generated profile and orders; reused from customer to customer to avoid allocations.
struct CustomerHistory {
    var index = 0
    var segment = CustomerSegment.regular
    var channel = SalesChannel.organic
    var german = true
    var firstName = 0
    var lastName = 0
    /// Days since 1970-01-01, or `Int.min` when unknown.
    var birthday = Int.min
    var emailConsent = ConsentState.unknown
    var smsConsent = ConsentState.unknown
    var consentChangedAt: Int64 = 0
    var purchaseRate = 0.0
    var dropout = 0.0
    var spendRate = 0.0
    var isAlive = true
    var repeatPurchases = 0
    var orders: [OrderRecord] = []
    var lines: [LineRecord] = []

    // Scratch state of the basket builder.
    var boughtMask: UInt64 = 0
    var lastBoughtDay: [Int32]
    var categoryCumulative: [Double]

    init(productCount: Int) {
        lastBoughtDay = Array(repeating: 0, count: productCount)
        categoryCumulative = Array(repeating: 0, count: ProductCategory.allCases.count)
        orders.reserveCapacity(64)
        lines.reserveCapacity(256)
    }

    /// Clears everything for the next customer, keeping the storage.
    mutating func reset(index: Int) {
        self.index = index
        orders.removeAll(keepingCapacity: true)
        lines.removeAll(keepingCapacity: true)
        boughtMask = 0
        repeatPurchases = 0
        isAlive = true
        birthday = Int.min
    }
}
