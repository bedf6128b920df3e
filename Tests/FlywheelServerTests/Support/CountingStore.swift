import FlywheelCore
import Foundation
import Synchronization

/// An in-memory store that counts the calls of each store method (`tally`): tests of how many queries a page
/// or a job makes, independent of time.
struct CountingStore: FlywheelStore {
    let base = InMemoryStore()
    let tally = Tally()

    /// Calls per method name.
    final class Tally: Sendable {
        private let counts = Mutex<[String: Int]>([:])
        func add(_ name: String) { counts.withLock { $0[name, default: 0] += 1 } }
        func reset() { counts.withLock { $0 = [:] } }
        var all: [String: Int] { counts.withLock { $0 } }
        var total: Int { all.values.reduce(0, +) }
    }

    func ingest(_ batch: IngestBatch, session: String?, checkpoint: ImportRun?) async throws -> IngestCounts {
        tally.add("ingest")
        return try await base.ingest(batch, session: session, checkpoint: checkpoint)
    }

    func migrate() async throws { tally.add("migrate"); return try await base.migrate() }
    func shopSettings() async throws -> ShopSettings? { tally.add("shopSettings"); return try await base.shopSettings() }
    func saveShopSettings(_ settings: ShopSettings) async throws { tally.add("saveShopSettings"); return try await base.saveShopSettings(settings) }
    func customer(externalID: String) async throws -> Customer? { tally.add("customer"); return try await base.customer(externalID: externalID) }
    func product(sku: String) async throws -> Product? { tally.add("product"); return try await base.product(sku: sku) }
    func order(externalID: String) async throws -> Order? { tally.add("order"); return try await base.order(externalID: externalID) }
    func orders(customerExternalID: String) async throws -> [Order] {
        tally.add("orders(customerExternalID:)"); return try await base.orders(customerExternalID: customerExternalID)
    }
    func refunds(orderExternalID: String) async throws -> [Refund] { tally.add("refunds(orderExternalID:)"); return try await base.refunds(orderExternalID: orderExternalID) }
    func shipments(orderExternalID: String) async throws -> [Shipment] {
        tally.add("shipments"); return try await base.shipments(orderExternalID: orderExternalID)
    }
    func returns(orderExternalID: String) async throws -> [ReturnRequest] {
        tally.add("returns"); return try await base.returns(orderExternalID: orderExternalID)
    }
    func marketingSpend() async throws -> [MarketingSpend] { tally.add("marketingSpend"); return try await base.marketingSpend() }
    func surveyAnswers(customerExternalID: String) async throws -> [SurveyAnswer] {
        tally.add("surveyAnswers"); return try await base.surveyAnswers(customerExternalID: customerExternalID)
    }
    func reviews(customerExternalID: String) async throws -> [Review] {
        tally.add("reviews"); return try await base.reviews(customerExternalID: customerExternalID)
    }
    func checkout(externalID: String) async throws -> Checkout? {
        tally.add("checkout"); return try await base.checkout(externalID: externalID)
    }
    func checkouts(customerExternalID: String) async throws -> [Checkout] {
        tally.add("checkouts"); return try await base.checkouts(customerExternalID: customerExternalID)
    }
    func openCheckouts(_ query: OpenCheckoutQuery) async throws -> Page<Checkout> {
        tally.add("openCheckouts"); return try await base.openCheckouts(query)
    }
    func importRun(fingerprint: String) async throws -> ImportRun? { tally.add("importRun"); return try await base.importRun(fingerprint: fingerprint) }
    func status() async throws -> StoreStatus { tally.add("status"); return try await base.status() }
    func withLedger<T: Sendable>(
        customer: String, _ body: @Sendable (inout CustomerLedgerRecords) throws -> T
    ) async throws -> T { tally.add("withLedger"); return try await base.withLedger(customer: customer, body) }
    func ledgerHistory(_ query: LedgerHistoryQuery) async throws -> LedgerHistoryPage {
        tally.add("ledgerHistory"); return try await base.ledgerHistory(query)
    }
    func ledgerBalance(customer: String) async throws -> LedgerBalance { tally.add("ledgerBalance"); return try await base.ledgerBalance(customer: customer) }
    func openLedgerLots() async throws -> [LedgerOpenLot] { tally.add("openLedgerLots"); return try await base.openLedgerLots() }
    func ledgerLastActivity(kinds: [String]) async throws -> [String: Date] {
        tally.add("ledgerLastActivity"); return try await base.ledgerLastActivity(kinds: kinds)
    }
    func ledgerSources(kind: String, key: String) async throws -> [LedgerSourceRecord] {
        tally.add("ledgerSources"); return try await base.ledgerSources(kind: kind, key: key)
    }
    func saveImportedMember(_ member: ImportedLoyaltyMember) async throws -> Bool {
        tally.add("saveImportedMember"); return try await base.saveImportedMember(member)
    }
    func importedMember(customer: String) async throws -> ImportedLoyaltyMember? {
        tally.add("importedMember"); return try await base.importedMember(customer: customer)
    }
    func importedMember(referralCode: String) async throws -> ImportedLoyaltyMember? {
        tally.add("importedMember"); return try await base.importedMember(referralCode: referralCode)
    }
    func importedMembers() async throws -> [ImportedLoyaltyMember] { tally.add("importedMembers"); return try await base.importedMembers() }
    func saveSegment(_ segment: StoredSegment) async throws -> StoredSegment { tally.add("saveSegment"); return try await base.saveSegment(segment) }
    func segment(named name: String) async throws -> StoredSegment? { tally.add("segment"); return try await base.segment(named: name) }
    func segments() async throws -> [StoredSegment] { tally.add("segments"); return try await base.segments() }
    func deleteSegment(named name: String) async throws -> Bool { tally.add("deleteSegment"); return try await base.deleteSegment(named: name) }
    func scheduleCampaign(_ campaign: SegmentCampaign) async throws -> Bool {
        tally.add("scheduleCampaign"); return try await base.scheduleCampaign(campaign)
    }
    func campaign(flowID: String, campaign: String) async throws -> SegmentCampaign? {
        tally.add("campaign"); return try await base.campaign(flowID: flowID, campaign: campaign)
    }
    func campaigns(flowID: String) async throws -> [SegmentCampaign] { tally.add("campaigns"); return try await base.campaigns(flowID: flowID) }
    func dueCampaigns(now: Date) async throws -> [SegmentCampaign] { tally.add("dueCampaigns"); return try await base.dueCampaigns(now: now) }
    func recordCampaignProgress(
        flowID: String, campaign: String, expectedHandled: Int, progress: SegmentCampaign.Progress
    ) async throws -> Bool {
        tally.add("recordCampaignProgress"); return try await base.recordCampaignProgress(
            flowID: flowID, campaign: campaign, expectedHandled: expectedHandled, progress: progress)
    }
    func finishCampaign(flowID: String, campaign: String, status: SegmentCampaign.Status, at: Date) async throws
        -> SegmentCampaign?
    {
        tally.add("finishCampaign"); return try await base.finishCampaign(flowID: flowID, campaign: campaign, status: status, at: at)
    }
    func ledgerCustomers() async throws -> [String] { tally.add("ledgerCustomers"); return try await base.ledgerCustomers() }
    func retentionSnapshot() async throws -> RetentionSnapshot { tally.add("retentionSnapshot"); return try await base.retentionSnapshot() }
    func shipment(externalID: String) async throws -> Shipment? { tally.add("shipment"); return try await base.shipment(externalID: externalID) }
    func customers(_ query: CustomerQuery) async throws -> Page<Customer> { tally.add("customers"); return try await base.customers(query) }
    func orders(_ query: OrderQuery) async throws -> Page<Order> { tally.add("orders"); return try await base.orders(query) }
    func refunds(_ query: ListQuery) async throws -> Page<Refund> { tally.add("refunds"); return try await base.refunds(query) }
    func shipments(_ query: ListQuery) async throws -> Page<Shipment> { tally.add("shipments"); return try await base.shipments(query) }
    func returns(_ query: ListQuery) async throws -> Page<ReturnRequest> { tally.add("returns"); return try await base.returns(query) }
    func surveyAnswers(_ query: ListQuery) async throws -> Page<SurveyAnswer> { tally.add("surveyAnswers"); return try await base.surveyAnswers(query) }
    func reviews(_ query: ListQuery) async throws -> Page<Review> { tally.add("reviews"); return try await base.reviews(query) }
    func createAPIKey(_ key: APIKey) async throws { tally.add("createAPIKey"); return try await base.createAPIKey(key) }
    func apiKey(secretHash: String) async throws -> APIKey? { tally.add("apiKey"); return try await base.apiKey(secretHash: secretHash) }
    func apiKeys() async throws -> [APIKey] { tally.add("apiKeys"); return try await base.apiKeys() }
    func revokeAPIKey(id: String, at: Date) async throws -> Bool { tally.add("revokeAPIKey"); return try await base.revokeAPIKey(id: id, at: at) }
    func idempotencyRecord(key: String) async throws -> IdempotencyRecord? { tally.add("idempotencyRecord"); return try await base.idempotencyRecord(key: key) }
    func saveIdempotencyRecord(_ record: IdempotencyRecord) async throws -> IdempotencyRecord {
        tally.add("saveIdempotencyRecord"); return try await base.saveIdempotencyRecord(record)
    }
    func saveAdmin(_ account: AdminAccount) async throws -> AdminAccount { tally.add("saveAdmin"); return try await base.saveAdmin(account) }
    func admin(username: String) async throws -> AdminAccount? { tally.add("admin"); return try await base.admin(username: username) }
    func admin(id: String) async throws -> AdminAccount? { tally.add("admin"); return try await base.admin(id: id) }
    func admins() async throws -> [AdminAccount] { tally.add("admins"); return try await base.admins() }
    func createAdminSession(_ session: AdminSession) async throws { tally.add("createAdminSession"); return try await base.createAdminSession(session) }
    func adminSession(tokenHash: String) async throws -> AdminSession? { tally.add("adminSession"); return try await base.adminSession(tokenHash: tokenHash) }
    func deleteAdminSession(tokenHash: String) async throws -> Bool { tally.add("deleteAdminSession"); return try await base.deleteAdminSession(tokenHash: tokenHash) }
    func deleteExpiredAdminSessions(now: Date) async throws -> Int { tally.add("deleteExpiredAdminSessions"); return try await base.deleteExpiredAdminSessions(now: now) }
    func webhookReceipt(id: String) async throws -> WebhookReceipt? { tally.add("webhookReceipt"); return try await base.webhookReceipt(id: id) }
    func recordWebhookReceipt(_ receipt: WebhookReceipt) async throws -> Bool {
        tally.add("recordWebhookReceipt"); return try await base.recordWebhookReceipt(receipt)
    }
    func recordConsentChange(_ change: ConsentChange, suppression: SuppressionUpdate?) async throws
        -> ConsentChangeOutcome
    {
        tally.add("recordConsentChange"); return try await base.recordConsentChange(change, suppression: suppression)
    }
    func consentHistory(customerExternalID: String) async throws -> [ConsentChange] {
        tally.add("consentHistory"); return try await base.consentHistory(customerExternalID: customerExternalID)
    }
    @discardableResult
    func suppress(_ entry: SuppressionEntry) async throws -> SuppressionEntry { tally.add("suppress"); return try await base.suppress(entry) }
    func suppression(channel: ConsentChannel, addressHash: String) async throws -> SuppressionEntry? {
        tally.add("suppression"); return try await base.suppression(channel: channel, addressHash: addressHash)
    }
    func suppressions() async throws -> [SuppressionEntry] { tally.add("suppressions"); return try await base.suppressions() }
    func suppressions(channel: ConsentChannel, addressHashes: [String]) async throws -> [SuppressionEntry] {
        tally.add("suppressions(addressHashes)"); return try await base.suppressions(channel: channel, addressHashes: addressHashes)
    }
    func customers(externalIDs: [String]) async throws -> [Customer] {
        tally.add("customers(externalIDs)"); return try await base.customers(externalIDs: externalIDs)
    }
    func eraseCustomer(_ erasure: CustomerErasure) async throws { tally.add("eraseCustomer"); return try await base.eraseCustomer(erasure) }
    func insertEnrolments(_ rows: [StoredEnrolment]) async throws -> Set<String> { tally.add("insertEnrolments"); return try await base.insertEnrolments(rows) }
    func enrolment(id: String) async throws -> StoredEnrolment? { tally.add("enrolment"); return try await base.enrolment(id: id) }
    func enrolments(customerID: String) async throws -> [StoredEnrolment] { tally.add("enrolments"); return try await base.enrolments(customerID: customerID) }
    func claimDue(now: Date, limit: Int, owner: String, lease: TimeInterval) async throws -> [StoredEnrolment] {
        tally.add("claimDue"); return try await base.claimDue(now: now, limit: limit, owner: owner, lease: lease)
    }
    func claimEnrolments(ids: [String], now: Date, owner: String, lease: TimeInterval) async throws -> [StoredEnrolment] {
        tally.add("claimEnrolments"); return try await base.claimEnrolments(ids: ids, now: now, owner: owner, lease: lease)
    }
    func complete(_ completions: [EnrolmentCompletion], owner: String, now: Date) async throws -> Set<String> {
        tally.add("complete"); return try await base.complete(completions, owner: owner, now: now)
    }
    func appendTimeline(_ entries: [TimelineEntry]) async throws { tally.add("appendTimeline"); return try await base.appendTimeline(entries) }
    func timeline(customerID: String, before: TimelineCursor?, limit: Int) async throws -> TimelinePage {
        tally.add("timeline"); return try await base.timeline(customerID: customerID, before: before, limit: limit)
    }

    func addCustomerTag(_ tag: CustomerTag) async throws -> Bool { tally.add("addCustomerTag"); return try await base.addCustomerTag(tag) }
    func customerTags(customerID: String) async throws -> [CustomerTag] {
        tally.add("customerTags"); return try await base.customerTags(customerID: customerID)
    }
    func openSupportTicket(_ ticket: SupportTicket) async throws -> SupportTicket {
        tally.add("openSupportTicket"); return try await base.openSupportTicket(ticket)
    }
    func supportTickets(customerID: String) async throws -> [SupportTicket] {
        tally.add("supportTickets"); return try await base.supportTickets(customerID: customerID)
    }
    func issueCoupon(_ coupon: IssuedCoupon) async throws -> IssuedCoupon { tally.add("issueCoupon"); return try await base.issueCoupon(coupon) }
    func issuedCoupons(customerID: String) async throws -> [IssuedCoupon] {
        tally.add("issuedCoupons"); return try await base.issuedCoupons(customerID: customerID)
    }
}
