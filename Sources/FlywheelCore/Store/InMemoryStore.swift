public import Foundation

/// The store contract kept in memory: the reference engine for tests and for tools that need no file.
public actor InMemoryStore: FlywheelStore, OutboxStore, FlowMeasurementStore {
    private var settings: ShopSettings?
    private var keys: [String: APIKey] = [:]
    /// Admins by username, and sessions by token hash (`InMemoryStore+Admins.swift`).
    var adminAccounts: [String: AdminAccount] = [:]
    var adminSessions: [String: AdminSession] = [:]
    /// Outbox messages by id, and their ids by idempotency key (`InMemoryStore+Outbox.swift`).
    var outbox: [String: OutboxMessage] = [:]
    var outboxKeys: [String: String] = [:]
    /// The flow schedule (`InMemoryStore+FlowSchedule.swift`).
    var flowSchedule = InMemoryFlowSchedule()
    /// Opens and clicks by message id and kind (`InMemoryStore+Measurement.swift`).
    var messageEvents: [String: InMemoryMessageEvent] = [:]
    private var idempotency: [String: IdempotencyRecord] = [:]
    private var receipts: [String: WebhookReceipt] = [:]
    var customers: [String: Customer] = [:]
    private var products: [String: Product] = [:]
    var orders: [String: Order] = [:]
    var refunds: [String: Refund] = [:]
    var shipments: [String: Shipment] = [:]
    var returns: [String: ReturnRequest] = [:]
    private var spend: [String: MarketingSpend] = [:]
    var answers: [String: SurveyAnswer] = [:]
    var reviewTable: [String: Review] = [:]
    /// Checkouts by id (`InMemoryStore+Checkouts.swift`).
    var checkoutTable: [String: Checkout] = [:]
    private var runs: [String: ImportRun] = [:]
    private var sessions: [String: Set<String>] = [:]
    /// Each customer's loyalty ledger (`InMemoryStore+Ledger.swift`).
    var ledgers: [String: CustomerLedgerRecords] = [:]
    /// Who holds each redemption code (the unique index `v8 loyalty codes` of the SQL engines).
    var redemptionCodes: [String: String] = [:]
    /// Consent history in the order recorded, and the suppression list (`InMemoryStore+Consent.swift`).
    var consentLog: [ConsentChange] = []
    var suppressionTable: [SuppressionKey: SuppressionEntry] = [:]
    /// Imported loyalty members by customer (`InMemoryStore+ImportedMembers.swift`).
    var importedLoyaltyMembers: [String: ImportedLoyaltyMember] = [:]
    /// Saved segments by name and scheduled segment sends (`InMemoryStore+Segments.swift`).
    var savedSegments: [String: StoredSegment] = [:]
    var segmentCampaigns: [CampaignKey: SegmentCampaign] = [:]
    /// Flow effects: tags by customer then tag, tickets and coupons in the order stored
    /// (`InMemoryStore+FlowEffects.swift`).
    var tagTable: [String: [String: CustomerTag]] = [:]
    var ticketTable: [SupportTicket] = []
    var couponTable: [IssuedCoupon] = []

    public init() {}

    public func migrate() async throws {}

    public func shopSettings() async throws -> ShopSettings? { settings }

    public func saveShopSettings(_ settings: ShopSettings) async throws {
        try settings.validate()
        self.settings = settings
    }

    public func ingest(_ batch: IngestBatch, session: String?, checkpoint: ImportRun?) async throws -> IngestCounts {
        // Work on copies, and commit them only when the whole batch went through.
        var work = Tables(
            customers: customers, products: products, orders: orders, refunds: refunds, shipments: shipments,
            returns: returns, spend: spend, answers: answers, reviews: reviewTable, checkouts: checkoutTable)
        var seen = session.map { sessions[$0] ?? [] } ?? []
        var counts = IngestCounts()

        func upsertCustomer(_ incoming: Customer) {
            let firstTouch = session == nil || seen.insert(incoming.externalID).inserted
            if let stored = work.customers[incoming.externalID] {
                let merged = stored.merged(with: incoming)
                if merged != stored {
                    work.customers[incoming.externalID] = merged
                    if firstTouch { counts.customers.updated += 1 }
                } else if firstTouch {
                    counts.customers.unchanged += 1
                }
            } else {
                work.customers[incoming.externalID] = incoming
                if firstTouch { counts.customers.created += 1 }
            }
        }

        for customer in batch.customers { upsertCustomer(customer) }
        for product in batch.products {
            Self.upsert(product, key: product.sku, into: &work.products, tally: &counts.products)
        }
        for order in batch.orders {
            if let customerID = order.customerExternalID {
                upsertCustomer(Customer(externalID: customerID, createdAt: order.placedAt))
            }
            Self.upsert(order, key: order.externalID, into: &work.orders, tally: &counts.orders)
        }
        for refund in batch.refunds {
            guard let order = work.orders[refund.orderExternalID] else {
                throw IngestError.unknownOrder("refund \(refund.externalID)")
            }
            try RefundRules.check(refund, order: order, otherRefunds: work.refunds.values.filter {
                $0.orderExternalID == refund.orderExternalID && $0.externalID != refund.externalID
            })
            Self.upsert(refund, key: refund.externalID, into: &work.refunds, tally: &counts.refunds)
        }
        for shipment in batch.shipments {
            guard work.orders[shipment.orderExternalID] != nil else {
                throw IngestError.unknownOrder("shipment \(shipment.externalID)")
            }
            Self.upsert(shipment, key: shipment.externalID, into: &work.shipments, tally: &counts.shipments)
        }
        for item in batch.returns {
            guard work.orders[item.orderExternalID] != nil else {
                throw IngestError.unknownOrder("return \(item.externalID)")
            }
            Self.upsert(item, key: item.externalID, into: &work.returns, tally: &counts.returns)
        }
        for item in batch.marketingSpend {
            Self.upsert(item, key: "\(item.channel)\u{0}\(item.month)", into: &work.spend, tally: &counts.marketingSpend)
        }

        for answer in batch.surveyAnswers {
            guard work.customers[answer.customerExternalID] != nil else {
                throw IngestError.unknownCustomer("survey answer \(answer.externalID)")
            }
            if let orderID = answer.orderExternalID, work.orders[orderID] == nil {
                throw IngestError.unknownOrder("survey answer \(answer.externalID)")
            }
            Self.upsert(answer, key: answer.externalID, into: &work.answers, tally: &counts.surveyAnswers)
        }
        for review in batch.reviews {
            guard work.customers[review.customerExternalID] != nil else {
                throw IngestError.unknownCustomer("review \(review.externalID)")
            }
            if let orderID = review.orderExternalID, work.orders[orderID] == nil {
                throw IngestError.unknownOrder("review \(review.externalID)")
            }
            Self.upsert(review, key: review.externalID, into: &work.reviews, tally: &counts.reviews)
        }
        for checkout in batch.checkouts {
            Self.upsert(checkout, key: checkout.externalID, into: &work.checkouts, tally: &counts.checkouts)
        }

        customers = work.customers
        products = work.products
        orders = work.orders
        refunds = work.refunds
        shipments = work.shipments
        returns = work.returns
        spend = work.spend
        answers = work.answers
        reviewTable = work.reviews
        checkoutTable = work.checkouts
        if let session { sessions[session] = seen }
        if var checkpoint {
            checkpoint.counts = checkpoint.counts + counts
            runs[checkpoint.fingerprint] = checkpoint
        }
        return counts
    }

    private struct Tables {
        var customers: [String: Customer]
        var products: [String: Product]
        var orders: [String: Order]
        var refunds: [String: Refund]
        var shipments: [String: Shipment]
        var returns: [String: ReturnRequest]
        var spend: [String: MarketingSpend]
        var answers: [String: SurveyAnswer]
        var reviews: [String: Review]
        var checkouts: [String: Checkout]
    }

    private static func upsert<Record: Equatable>(
        _ record: Record, key: String, into table: inout [String: Record], tally: inout UpsertTally
    ) {
        switch table[key] {
        case nil:
            table[key] = record
            tally.created += 1
        case let stored? where stored == record:
            tally.unchanged += 1
        default:
            table[key] = record
            tally.updated += 1
        }
    }

    public func customer(externalID: String) async throws -> Customer? { customers[externalID] }
    public func product(sku: String) async throws -> Product? { products[sku] }
    public func order(externalID: String) async throws -> Order? { orders[externalID] }

    public func orders(customerExternalID: String) async throws -> [Order] {
        orders.values.filter { $0.customerExternalID == customerExternalID }
            .sorted { ($0.placedAt, $0.externalID) < ($1.placedAt, $1.externalID) }
    }

    public func refunds(orderExternalID: String) async throws -> [Refund] {
        refunds.values.filter { $0.orderExternalID == orderExternalID }
            .sorted { ($0.createdAt, $0.externalID) < ($1.createdAt, $1.externalID) }
    }

    public func shipments(orderExternalID: String) async throws -> [Shipment] {
        shipments.values.filter { $0.orderExternalID == orderExternalID }.sorted { $0.externalID < $1.externalID }
    }

    public func shipment(externalID: String) async throws -> Shipment? { shipments[externalID] }

    public func returns(orderExternalID: String) async throws -> [ReturnRequest] {
        returns.values.filter { $0.orderExternalID == orderExternalID }
            .sorted { ($0.requestedAt, $0.externalID) < ($1.requestedAt, $1.externalID) }
    }

    public func marketingSpend() async throws -> [MarketingSpend] {
        spend.values.sorted { ($0.month, $0.channel) < ($1.month, $1.channel) }
    }

    public func surveyAnswers(customerExternalID: String) async throws -> [SurveyAnswer] {
        answers.values.filter { $0.customerExternalID == customerExternalID }
            .sorted { ($0.answeredAt, $0.externalID) < ($1.answeredAt, $1.externalID) }
    }

    public func reviews(customerExternalID: String) async throws -> [Review] {
        reviewTable.values.filter { $0.customerExternalID == customerExternalID }
            .sorted { ($0.createdAt, $0.externalID) < ($1.createdAt, $1.externalID) }
    }

    public func importRun(fingerprint: String) async throws -> ImportRun? { runs[fingerprint] }

    public func customers(_ query: CustomerQuery) async throws -> Page<Customer> {
        let matching = customers.values.filter { query.email == nil || $0.email == query.email }
        return Self.page(matching, after: query.after, limit: query.limit, key: \.externalID)
    }

    public func orders(_ query: OrderQuery) async throws -> Page<Order> {
        Self.page(orders.values.filter(query.matches), after: query.after, limit: query.limit, key: \.externalID)
    }

    public func refunds(_ query: ListQuery) async throws -> Page<Refund> {
        Self.page(refunds.values, after: query.after, limit: query.limit, key: \.externalID)
    }

    public func shipments(_ query: ListQuery) async throws -> Page<Shipment> {
        Self.page(shipments.values, after: query.after, limit: query.limit, key: \.externalID)
    }

    public func returns(_ query: ListQuery) async throws -> Page<ReturnRequest> {
        Self.page(returns.values, after: query.after, limit: query.limit, key: \.externalID)
    }

    public func surveyAnswers(_ query: ListQuery) async throws -> Page<SurveyAnswer> {
        Self.page(answers.values, after: query.after, limit: query.limit, key: \.externalID)
    }

    public func reviews(_ query: ListQuery) async throws -> Page<Review> {
        Self.page(reviewTable.values, after: query.after, limit: query.limit, key: \.externalID)
    }

    public func createAPIKey(_ key: APIKey) async throws {
        guard keys[key.id] == nil, !keys.values.contains(where: { $0.secretHash == key.secretHash }) else {
            throw AccessStoreError.duplicateKey(id: key.id)
        }
        keys[key.id] = key
    }

    public func apiKey(secretHash: String) async throws -> APIKey? {
        keys.values.first { $0.secretHash == secretHash }
    }

    public func apiKeys() async throws -> [APIKey] {
        keys.values.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    }

    public func revokeAPIKey(id: String, at: Date) async throws -> Bool {
        guard var key = keys[id], key.revokedAt == nil else { return false }
        key.revokedAt = at
        keys[id] = key
        return true
    }

    public func idempotencyRecord(key: String) async throws -> IdempotencyRecord? { idempotency[key] }

    public func saveIdempotencyRecord(_ record: IdempotencyRecord) async throws -> IdempotencyRecord {
        if let stored = idempotency[record.key] { return stored }
        idempotency[record.key] = record
        return record
    }

    /// Deletes the idempotency records whose key or answer mentions an erased person (`eraseCustomer`).
    func forgetIdempotencyRecords(mentioning mentions: [String]) {
        idempotency = idempotency.filter { !$0.value.mentions(any: mentions) }
    }

    public func webhookReceipt(id: String) async throws -> WebhookReceipt? { receipts[id] }

    public func recordWebhookReceipt(_ receipt: WebhookReceipt) async throws -> Bool {
        guard receipts[receipt.id] == nil else { return false }
        receipts[receipt.id] = receipt
        return true
    }

    public func status() async throws -> StoreStatus {
        let times = orders.values.map(\.placedAt)
        return StoreStatus(
            schemaVersion: "memory", customers: customers.count, orders: orders.count, products: products.count,
            shipments: shipments.count, refunds: refunds.count, returns: returns.count,
            surveyAnswers: answers.count, reviews: reviewTable.count, firstOrderAt: times.min(),
            lastOrderAt: times.max())
    }

    public func retentionSnapshot() async throws -> RetentionSnapshot {
        let live = orders.values.filter { $0.cancelledAt == nil }
        var perCustomer: [String: Int] = [:]
        var revenue: [CurrencyCode: Int64] = [:]
        for order in live {
            if let customer = order.customerExternalID { perCustomer[customer, default: 0] += 1 }
            revenue[order.currency, default: 0] += order.totalMinor
        }
        for refund in refunds.values where orders[refund.orderExternalID]?.cancelledAt == nil {
            revenue[refund.currency, default: 0] -= refund.amountMinor
        }
        return RetentionSnapshot(
            buyers: perCustomer.count, repeatBuyers: perCustomer.values.filter { $0 >= 2 }.count, orders: live.count,
            revenue: revenue.map { Money(minorUnits: $1, currency: $0) }.sorted { $0.currency.code < $1.currency.code })
    }
}
