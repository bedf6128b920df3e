import FlywheelCore
import Foundation

/// An in-memory store whose `ingest` first runs `intercept`, which may throw to play a failure
/// (a killed process, a store-level rule). Everything else goes straight to the base store.
struct InterceptingStore: FlywheelStore {
    let base: InMemoryStore
    let intercept: @Sendable (IngestBatch) async throws -> Void

    func ingest(_ batch: IngestBatch, session: String?, checkpoint: ImportRun?) async throws -> IngestCounts {
        try await intercept(batch)
        return try await base.ingest(batch, session: session, checkpoint: checkpoint)
    }

    func migrate() async throws { try await base.migrate() }
    func shopSettings() async throws -> ShopSettings? { try await base.shopSettings() }
    func saveShopSettings(_ settings: ShopSettings) async throws { try await base.saveShopSettings(settings) }
    func customer(externalID: String) async throws -> Customer? { try await base.customer(externalID: externalID) }
    func product(sku: String) async throws -> Product? { try await base.product(sku: sku) }
    func order(externalID: String) async throws -> Order? { try await base.order(externalID: externalID) }
    func orders(customerExternalID: String) async throws -> [Order] {
        try await base.orders(customerExternalID: customerExternalID)
    }
    func refunds(orderExternalID: String) async throws -> [Refund] { try await base.refunds(orderExternalID: orderExternalID) }
    func shipments(orderExternalID: String) async throws -> [Shipment] {
        try await base.shipments(orderExternalID: orderExternalID)
    }
    func returns(orderExternalID: String) async throws -> [ReturnRequest] {
        try await base.returns(orderExternalID: orderExternalID)
    }
    func marketingSpend() async throws -> [MarketingSpend] { try await base.marketingSpend() }
    func surveyAnswers(customerExternalID: String) async throws -> [SurveyAnswer] {
        try await base.surveyAnswers(customerExternalID: customerExternalID)
    }
    func reviews(customerExternalID: String) async throws -> [Review] {
        try await base.reviews(customerExternalID: customerExternalID)
    }
    func checkout(externalID: String) async throws -> Checkout? { try await base.checkout(externalID: externalID) }
    func checkouts(customerExternalID: String) async throws -> [Checkout] {
        try await base.checkouts(customerExternalID: customerExternalID)
    }
    func openCheckouts(_ query: OpenCheckoutQuery) async throws -> Page<Checkout> { try await base.openCheckouts(query) }
    func importRun(fingerprint: String) async throws -> ImportRun? { try await base.importRun(fingerprint: fingerprint) }
    func status() async throws -> StoreStatus { try await base.status() }
    func withLedger<T: Sendable>(
        customer: String, _ body: @Sendable (inout CustomerLedgerRecords) throws -> T
    ) async throws -> T { try await base.withLedger(customer: customer, body) }
    func ledgerHistory(_ query: LedgerHistoryQuery) async throws -> LedgerHistoryPage {
        try await base.ledgerHistory(query)
    }
    func ledgerBalance(customer: String) async throws -> LedgerBalance { try await base.ledgerBalance(customer: customer) }
    func openLedgerLots() async throws -> [LedgerOpenLot] { try await base.openLedgerLots() }
    func ledgerLastActivity(kinds: [String]) async throws -> [String: Date] {
        try await base.ledgerLastActivity(kinds: kinds)
    }
    func ledgerSources(kind: String, key: String) async throws -> [LedgerSourceRecord] {
        try await base.ledgerSources(kind: kind, key: key)
    }
    func saveImportedMember(_ member: ImportedLoyaltyMember) async throws -> Bool {
        try await base.saveImportedMember(member)
    }
    func importedMember(customer: String) async throws -> ImportedLoyaltyMember? {
        try await base.importedMember(customer: customer)
    }
    func importedMember(referralCode: String) async throws -> ImportedLoyaltyMember? {
        try await base.importedMember(referralCode: referralCode)
    }
    func importedMembers() async throws -> [ImportedLoyaltyMember] { try await base.importedMembers() }
    func saveSegment(_ segment: StoredSegment) async throws -> StoredSegment { try await base.saveSegment(segment) }
    func segment(named name: String) async throws -> StoredSegment? { try await base.segment(named: name) }
    func segments() async throws -> [StoredSegment] { try await base.segments() }
    func deleteSegment(named name: String) async throws -> Bool { try await base.deleteSegment(named: name) }
    func scheduleCampaign(_ campaign: SegmentCampaign) async throws -> Bool {
        try await base.scheduleCampaign(campaign)
    }
    func campaign(flowID: String, campaign: String) async throws -> SegmentCampaign? {
        try await base.campaign(flowID: flowID, campaign: campaign)
    }
    func campaigns(flowID: String) async throws -> [SegmentCampaign] { try await base.campaigns(flowID: flowID) }
    func dueCampaigns(now: Date) async throws -> [SegmentCampaign] { try await base.dueCampaigns(now: now) }
    func recordCampaignProgress(
        flowID: String, campaign: String, expectedHandled: Int, progress: SegmentCampaign.Progress
    ) async throws -> Bool {
        try await base.recordCampaignProgress(
            flowID: flowID, campaign: campaign, expectedHandled: expectedHandled, progress: progress)
    }
    func finishCampaign(flowID: String, campaign: String, status: SegmentCampaign.Status, at: Date) async throws
        -> SegmentCampaign?
    {
        try await base.finishCampaign(flowID: flowID, campaign: campaign, status: status, at: at)
    }
    func ledgerCustomers() async throws -> [String] { try await base.ledgerCustomers() }
    func retentionSnapshot() async throws -> RetentionSnapshot { try await base.retentionSnapshot() }
    func shipment(externalID: String) async throws -> Shipment? { try await base.shipment(externalID: externalID) }
    func customers(_ query: CustomerQuery) async throws -> Page<Customer> { try await base.customers(query) }
    func orders(_ query: OrderQuery) async throws -> Page<Order> { try await base.orders(query) }
    func refunds(_ query: ListQuery) async throws -> Page<Refund> { try await base.refunds(query) }
    func shipments(_ query: ListQuery) async throws -> Page<Shipment> { try await base.shipments(query) }
    func returns(_ query: ListQuery) async throws -> Page<ReturnRequest> { try await base.returns(query) }
    func surveyAnswers(_ query: ListQuery) async throws -> Page<SurveyAnswer> { try await base.surveyAnswers(query) }
    func reviews(_ query: ListQuery) async throws -> Page<Review> { try await base.reviews(query) }
    func createAPIKey(_ key: APIKey) async throws { try await base.createAPIKey(key) }
    func apiKey(secretHash: String) async throws -> APIKey? { try await base.apiKey(secretHash: secretHash) }
    func apiKeys() async throws -> [APIKey] { try await base.apiKeys() }
    func revokeAPIKey(id: String, at: Date) async throws -> Bool { try await base.revokeAPIKey(id: id, at: at) }
    func idempotencyRecord(key: String) async throws -> IdempotencyRecord? { try await base.idempotencyRecord(key: key) }
    func saveIdempotencyRecord(_ record: IdempotencyRecord) async throws -> IdempotencyRecord {
        try await base.saveIdempotencyRecord(record)
    }
    func saveAdmin(_ account: AdminAccount) async throws -> AdminAccount { try await base.saveAdmin(account) }
    func admin(username: String) async throws -> AdminAccount? { try await base.admin(username: username) }
    func admin(id: String) async throws -> AdminAccount? { try await base.admin(id: id) }
    func admins() async throws -> [AdminAccount] { try await base.admins() }
    func createAdminSession(_ session: AdminSession) async throws { try await base.createAdminSession(session) }
    func adminSession(tokenHash: String) async throws -> AdminSession? { try await base.adminSession(tokenHash: tokenHash) }
    func deleteAdminSession(tokenHash: String) async throws -> Bool { try await base.deleteAdminSession(tokenHash: tokenHash) }
    func deleteExpiredAdminSessions(now: Date) async throws -> Int { try await base.deleteExpiredAdminSessions(now: now) }
    func webhookReceipt(id: String) async throws -> WebhookReceipt? { try await base.webhookReceipt(id: id) }
    func recordWebhookReceipt(_ receipt: WebhookReceipt) async throws -> Bool {
        try await base.recordWebhookReceipt(receipt)
    }
    func recordConsentChange(_ change: ConsentChange, suppression: SuppressionUpdate?) async throws
        -> ConsentChangeOutcome
    {
        try await base.recordConsentChange(change, suppression: suppression)
    }
    func consentHistory(customerExternalID: String) async throws -> [ConsentChange] {
        try await base.consentHistory(customerExternalID: customerExternalID)
    }
    @discardableResult
    func suppress(_ entry: SuppressionEntry) async throws -> SuppressionEntry { try await base.suppress(entry) }
    func suppression(channel: ConsentChannel, addressHash: String) async throws -> SuppressionEntry? {
        try await base.suppression(channel: channel, addressHash: addressHash)
    }
    func suppressions() async throws -> [SuppressionEntry] { try await base.suppressions() }
    func suppressions(channel: ConsentChannel, addressHashes: [String]) async throws -> [SuppressionEntry] {
        try await base.suppressions(channel: channel, addressHashes: addressHashes)
    }
    func customers(externalIDs: [String]) async throws -> [Customer] { try await base.customers(externalIDs: externalIDs) }
    func eraseCustomer(_ erasure: CustomerErasure) async throws { try await base.eraseCustomer(erasure) }
    func insertEnrolments(_ rows: [StoredEnrolment]) async throws -> Set<String> { try await base.insertEnrolments(rows) }
    func enrolment(id: String) async throws -> StoredEnrolment? { try await base.enrolment(id: id) }
    func enrolments(customerID: String) async throws -> [StoredEnrolment] { try await base.enrolments(customerID: customerID) }
    func claimDue(now: Date, limit: Int, owner: String, lease: TimeInterval) async throws -> [StoredEnrolment] {
        try await base.claimDue(now: now, limit: limit, owner: owner, lease: lease)
    }
    func claimEnrolments(ids: [String], now: Date, owner: String, lease: TimeInterval) async throws -> [StoredEnrolment] {
        try await base.claimEnrolments(ids: ids, now: now, owner: owner, lease: lease)
    }
    func complete(_ completions: [EnrolmentCompletion], owner: String, now: Date) async throws -> Set<String> {
        try await base.complete(completions, owner: owner, now: now)
    }
    func appendTimeline(_ entries: [TimelineEntry]) async throws { try await base.appendTimeline(entries) }
    func timeline(customerID: String, before: TimelineCursor?, limit: Int) async throws -> TimelinePage {
        try await base.timeline(customerID: customerID, before: before, limit: limit)
    }
    func addCustomerTag(_ tag: CustomerTag) async throws -> Bool { try await base.addCustomerTag(tag) }
    func customerTags(customerID: String) async throws -> [CustomerTag] { try await base.customerTags(customerID: customerID) }
    func openSupportTicket(_ ticket: SupportTicket) async throws -> SupportTicket { try await base.openSupportTicket(ticket) }
    func supportTickets(customerID: String) async throws -> [SupportTicket] {
        try await base.supportTickets(customerID: customerID)
    }
    func issueCoupon(_ coupon: IssuedCoupon) async throws -> IssuedCoupon { try await base.issueCoupon(coupon) }
    func issuedCoupons(customerID: String) async throws -> [IssuedCoupon] { try await base.issuedCoupons(customerID: customerID) }
}
