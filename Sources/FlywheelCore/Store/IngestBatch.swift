/// Records to store together, in one transaction: customers and products first, then orders, then what
/// refers to orders, then checkouts. Every record is an upsert by its external id.
public struct IngestBatch: Hashable, Sendable {
    public var customers: [Customer] = []
    public var products: [Product] = []
    public var orders: [Order] = []
    public var refunds: [Refund] = []
    public var shipments: [Shipment] = []
    public var returns: [ReturnRequest] = []
    public var marketingSpend: [MarketingSpend] = []
    public var surveyAnswers: [SurveyAnswer] = []
    public var reviews: [Review] = []
    /// Checkouts (carts at the checkout); their customer need not be stored (a guest has only an e-mail).
    public var checkouts: [Checkout] = []

    public init(
        customers: [Customer] = [], products: [Product] = [], orders: [Order] = [], refunds: [Refund] = [],
        shipments: [Shipment] = [], returns: [ReturnRequest] = [], marketingSpend: [MarketingSpend] = [],
        surveyAnswers: [SurveyAnswer] = [], reviews: [Review] = [], checkouts: [Checkout] = []
    ) {
        self.customers = customers
        self.products = products
        self.orders = orders
        self.refunds = refunds
        self.shipments = shipments
        self.returns = returns
        self.marketingSpend = marketingSpend
        self.surveyAnswers = surveyAnswers
        self.reviews = reviews
        self.checkouts = checkouts
    }

    public var isEmpty: Bool {
        customers.isEmpty && products.isEmpty && orders.isEmpty && refunds.isEmpty && shipments.isEmpty
            && returns.isEmpty && marketingSpend.isEmpty && surveyAnswers.isEmpty && reviews.isEmpty
            && checkouts.isEmpty
    }

    public var recordCount: Int {
        customers.count + products.count + orders.count + refunds.count + shipments.count + returns.count
            + marketingSpend.count + surveyAnswers.count + reviews.count + checkouts.count
    }
}
