public import Foundation

/// The store contract: everything Flywheel keeps, behind one protocol. Every engine (in-memory, SQLite,
/// PostgreSQL) implements it and passes the same conformance suite (`FlywheelTesting.StoreConformance`).
///
/// Rules every engine keeps:
/// - `ingest` is atomic: the whole batch and its import checkpoint are stored, or nothing is.
/// - Upserts are by external id and idempotent: the same record twice is `unchanged` the second time.
/// - A customer record merges: fields a newer record leaves `nil` keep their stored value.
/// - Records that refer to an order (refunds, shipments, returns) need that order stored or in the batch;
///   survey answers and reviews need their customer stored or in the batch (their order, when named, too).
/// - An order names a customer that is not stored yet: the store creates it (created = the order's time).
/// - A checkout refers to nothing: its customer (or a guest's e-mail) and order are kept as given.
///
/// The flow scheduler's rows and the customers' timelines are in `FlowScheduleStore`, the tags, tickets and
/// coupons flows give in `FlowEffectsStore`; this refines both.
public protocol FlywheelStore: FlowScheduleStore, FlowEffectsStore, SegmentStore {
    /// Brings the schema to the newest version; safe to call on every start.
    func migrate() async throws

    /// The shop's settings, or `nil` before they were ever saved.
    func shopSettings() async throws -> ShopSettings?
    func saveShopSettings(_ settings: ShopSettings) async throws

    /// Stores a batch atomically. `session` groups the batches of one import so each customer is counted
    /// once; `checkpoint`, when given, is saved in the same transaction, with this batch's counts added to
    /// its `counts` (which the caller gives as they were before the batch).
    func ingest(_ batch: IngestBatch, session: String?, checkpoint: ImportRun?) async throws -> IngestCounts

    func customer(externalID: String) async throws -> Customer?
    func product(sku: String) async throws -> Product?
    func order(externalID: String) async throws -> Order?
    /// A customer's orders, oldest first.
    func orders(customerExternalID: String) async throws -> [Order]
    func refunds(orderExternalID: String) async throws -> [Refund]
    func shipments(orderExternalID: String) async throws -> [Shipment]
    func shipment(externalID: String) async throws -> Shipment?
    func returns(orderExternalID: String) async throws -> [ReturnRequest]
    /// All spend records, by month then channel.
    func marketingSpend() async throws -> [MarketingSpend]
    /// A customer's survey answers and reviews, oldest first.
    func surveyAnswers(customerExternalID: String) async throws -> [SurveyAnswer]
    func reviews(customerExternalID: String) async throws -> [Review]

    // MARK: Checkouts (docs/flows.md, "Abandoned carts")

    func checkout(externalID: String) async throws -> Checkout?
    /// A customer's checkouts, oldest first (by creation, then id).
    func checkouts(customerExternalID: String) async throws -> [Checkout]
    /// Open checkouts (no `completed_at`, no order) last updated within the query's window, by id.
    func openCheckouts(_ query: OpenCheckoutQuery) async throws -> Page<Checkout>

    func importRun(fingerprint: String) async throws -> ImportRun?

    // MARK: Listings (cursor pagination in byte order of the external id; see `Page`)

    func customers(_ query: CustomerQuery) async throws -> Page<Customer>
    func orders(_ query: OrderQuery) async throws -> Page<Order>
    func refunds(_ query: ListQuery) async throws -> Page<Refund>
    func shipments(_ query: ListQuery) async throws -> Page<Shipment>
    func returns(_ query: ListQuery) async throws -> Page<ReturnRequest>
    func surveyAnswers(_ query: ListQuery) async throws -> Page<SurveyAnswer>
    func reviews(_ query: ListQuery) async throws -> Page<Review>

    // MARK: API keys

    /// Stores a new key; throws `AccessStoreError.duplicateKey` when its id or secret hash is taken.
    func createAPIKey(_ key: APIKey) async throws
    /// The key (active or revoked) whose secret hashes to `secretHash`.
    func apiKey(secretHash: String) async throws -> APIKey?
    /// Every key, oldest first.
    func apiKeys() async throws -> [APIKey]
    /// Revokes a key; `false` when there is no such key or it was already revoked.
    func revokeAPIKey(id: String, at: Date) async throws -> Bool

    // MARK: Dashboard admins

    /// Stores an admin: a new one, or — when the username exists — a new password for it (id and creation
    /// time kept). Returns the stored account.
    func saveAdmin(_ account: AdminAccount) async throws -> AdminAccount
    /// The admin with this username (exact match).
    func admin(username: String) async throws -> AdminAccount?
    /// The admin with this id.
    func admin(id: String) async throws -> AdminAccount?
    /// Every admin, oldest first.
    func admins() async throws -> [AdminAccount]
    /// Stores a new session (a token hash is never reused).
    func createAdminSession(_ session: AdminSession) async throws
    /// The session whose token hashes to `tokenHash` (valid or expired).
    func adminSession(tokenHash: String) async throws -> AdminSession?
    /// Removes a session (signing out); `false` when there was none.
    func deleteAdminSession(tokenHash: String) async throws -> Bool
    /// Removes every session expired at `now`; returns how many.
    func deleteExpiredAdminSessions(now: Date) async throws -> Int

    // MARK: Consent and privacy (docs/consent.md)

    /// Appends `change` to the customer's consent history and, unless a newer change is recorded, updates the
    /// customer's cached `MarketingConsent` — in one transaction, together with `suppression` when given.
    /// Throws `ConsentStoreError.unknownCustomer` (nothing stored) for an unknown id.
    func recordConsentChange(_ change: ConsentChange, suppression: SuppressionUpdate?) async throws
        -> ConsentChangeOutcome
    /// A customer's consent history, oldest first (by `changedAt`, then in the order recorded).
    func consentHistory(customerExternalID: String) async throws -> [ConsentChange]
    /// Adds an address to the suppression list; an entry for the same channel and digest keeps the stronger
    /// cause (`SuppressionEntry.merged`). Returns the entry kept.
    @discardableResult
    func suppress(_ entry: SuppressionEntry) async throws -> SuppressionEntry
    /// The entry for a channel and address digest.
    func suppression(channel: ConsentChannel, addressHash: String) async throws -> SuppressionEntry?
    /// The whole suppression list, by channel then digest.
    func suppressions() async throws -> [SuppressionEntry]
    /// The entries among these address digests on one channel, in one lookup (the outbox's re-check of a
    /// claimed batch); digests not on the list are left out.
    func suppressions(channel: ConsentChannel, addressHashes: [String]) async throws -> [SuppressionEntry]
    /// The stored customers among `externalIDs`, in one lookup; ids not stored (never, or erased) are left out.
    func customers(externalIDs: [String]) async throws -> [Customer]
    /// Erases a customer (GDPR Art. 17) in one transaction as `CustomerErasure` describes: name, e-mail,
    /// birthday, locale and consent removed; survey comments, review texts, return reasons and tracking
    /// numbers removed; orders, scores and amounts kept under the pseudonym; the customer's checkouts (by
    /// customer id, or a guest's by the customer's e-mail address) deleted. Throws
    /// `ConsentStoreError.unknownCustomer` or `.pseudonymTaken` (nothing changed).
    func eraseCustomer(_ erasure: CustomerErasure) async throws

    // MARK: Request de-duplication

    func idempotencyRecord(key: String) async throws -> IdempotencyRecord?
    /// Stores the record unless one with its key exists; returns the stored one (the first wins).
    func saveIdempotencyRecord(_ record: IdempotencyRecord) async throws -> IdempotencyRecord
    func webhookReceipt(id: String) async throws -> WebhookReceipt?
    /// Stores the receipt; `false` when one with its id was already stored (which is kept).
    func recordWebhookReceipt(_ receipt: WebhookReceipt) async throws -> Bool

    // MARK: Loyalty points ledger (append-only; docs/storage.md)

    /// Runs `body` on `customer`'s stored ledger in one transaction, one at a time per customer (also across
    /// processes): loads the customer's sources, lots and entries, runs `body`, then stores what it appended
    /// and the customer's cached balance. When `body` throws, or a source it appended is already stored for
    /// the customer (`LedgerStoreError.duplicateSource`, the schema's unique key), nothing is stored.
    func withLedger<T: Sendable>(
        customer: String, _ body: @Sendable (inout CustomerLedgerRecords) throws -> T
    ) async throws -> T
    /// A page of the customer's entries, newest first.
    func ledgerHistory(_ query: LedgerHistoryQuery) async throws -> LedgerHistoryPage
    /// The customer's cached balance (zero for a customer without entries).
    func ledgerBalance(customer: String) async throws -> LedgerBalance
    /// Every lot of the shop that still holds points, by customer (byte order) then lot number: the
    /// liability report's input.
    func openLedgerLots() async throws -> [LedgerOpenLot]
    /// Each customer's latest source time among sources of `kinds` (customers without one are left out): the
    /// last activity the inactivity expiry rule counts from, for the whole shop in one read.
    func ledgerLastActivity(kinds: [String]) async throws -> [String: Date]
    /// Every customer's applied source of `kind` with `key` (at most one per customer), by customer in byte
    /// order: shop-wide markers such as referral sign-ups (`referral`/`signup`) in one read.
    func ledgerSources(kind: String, key: String) async throws -> [LedgerSourceRecord]

    // MARK: Loyalty members imported from another provider (docs/loyalty.md, "Switching in")

    /// Stores what a switch brought in for a customer (tier grant, referral code) unless the customer has
    /// such a record already, which is kept: `false` then. Throws `ImportedMemberStoreError` when the
    /// referral code is another customer's.
    func saveImportedMember(_ member: ImportedLoyaltyMember) async throws -> Bool
    /// The customer's imported member record.
    func importedMember(customer: String) async throws -> ImportedLoyaltyMember?
    /// The imported member record carrying this referral code (exact match).
    func importedMember(referralCode: String) async throws -> ImportedLoyaltyMember?
    /// Every imported member record, by customer in byte order.
    func importedMembers() async throws -> [ImportedLoyaltyMember]
    /// Every customer with a points ledger (at least one applied source), in byte order.
    func ledgerCustomers() async throws -> [String]

    func status() async throws -> StoreStatus
    func retentionSnapshot() async throws -> RetentionSnapshot
}

extension FlywheelStore {
    /// Stores a batch outside any import.
    public func ingest(_ batch: IngestBatch) async throws -> IngestCounts {
        try await ingest(batch, session: nil, checkpoint: nil)
    }
}
