import FlywheelCore

/// The store contract's conformance suite, written once against `FlywheelStore` so every engine (in-memory,
/// SQLite, PostgreSQL) passes the very same checks.
///
/// Run each check on a new, empty store of the engine:
///
/// ```swift
/// @Test(arguments: StoreConformance.checks)
/// func conforms(_ check: StoreCheck) async throws {
///     try await check.run(try makeEmptyStore())
/// }
/// ```
public enum StoreConformance {
    /// Every check, each independent of the others.
    public static let checks: [StoreCheck] = [
        StoreCheck("migrating twice is harmless", migratingTwiceIsHarmless),
        StoreCheck("a new store is empty", newStoreIsEmpty),
        StoreCheck("shop settings round-trip", shopSettingsRoundTrip),
        StoreCheck("every record kind tallies created, unchanged and updated", everyKindTallies),
        StoreCheck("re-ingesting a batch changes nothing", reingestChangesNothing),
        StoreCheck("customer merge keeps known fields and the earliest creation", customerMerge),
        StoreCheck("an order creates the customer it names", implicitCustomer),
        StoreCheck("a session counts each customer once", sessionCounting),
        StoreCheck("an order round-trips exactly", orderRoundTrip),
        StoreCheck("an updated order replaces its lines and discounts", orderUpdateReplacesParts),
        StoreCheck("a customer's orders come oldest first", ordersOldestFirst),
        StoreCheck("records may refer to an order of the same batch", sameBatchReferences),
        StoreCheck("records naming an unknown order refuse the whole batch", unknownOrderRefusesBatch),
        StoreCheck("feedback naming an unknown customer refuses the whole batch", unknownCustomerRefusesBatch),
        StoreCheck("refunds stay within the order's total and currency", refundRules),
        StoreCheck("the checkpoint is stored with its batch or not at all", checkpointIsAtomic),
        StoreCheck("refunds, shipments, returns and feedback come back in order", relatedRecordsSorted),
        StoreCheck("marketing spend comes by month then channel", marketingSpendSorted),
        StoreCheck("status counts records and spans the orders", statusCounts),
        StoreCheck("retention snapshot on a hand-computed dataset", retentionSnapshot),
        StoreCheck("large batches mixing new, stored and repeated records", largeBatches),
        StoreCheck("multi-line orders in bulk", multiLineOrdersInBulk),
        StoreCheck("listings page in byte order of the external id", listingsPageInByteOrder),
        StoreCheck("listings filter by e-mail, customer and time", listingsFilter),
        StoreCheck("refunds, shipments, returns and feedback list in pages", relatedListings),
        StoreCheck("API keys: create, find by hash, refuse duplicates, revoke", apiKeysLifecycle),
        StoreCheck("idempotency records: the first answer wins", idempotencyFirstWins),
        StoreCheck("webhook receipts are recorded once", webhookReceiptsOnce),
        StoreCheck("admins: create, find, a new password keeps the id", adminsLifecycle),
        StoreCheck("admin sessions: create, find, sign out, expire", adminSessionsLifecycle),
        StoreCheck("consent history: appended in order, proof kept, current state follows", consentHistoryAndCurrentState),
        StoreCheck("suppression list: normalised, the strongest cause kept", suppressionKeepsStrongestCause),
        StoreCheck("suppressions and customers of a batch in one lookup", batchContactLookups),
        StoreCheck("erasure: personal data gone, orders kept under a pseudonym", erasureRemovesPersonalData),
        StoreCheck("erasure: the flows' messages, enrolments, timeline and tags gone; tickets and coupons pseudonymised", erasureCoversFlowData),
        StoreCheck("imported loyalty members: stored once, found by code", importedMembersOnce),
        StoreCheck("ledger customers in byte order", ledgerCustomersListed),
        StoreCheck("ledger: redemption codes unique across the shop", ledgerCodesUniqueAcrossShop),
        StoreCheck("ledger: each customer's last activity in one read", ledgerLastActivityRead),
    ] + ledgerChecks + outboxChecks + flowScheduleChecks + flowEffectsChecks + measurementChecks + checkoutChecks
        + segmentChecks
        + ledgerErasureChecks

    /// Migrates a new store for a check.
    static func migrated(_ store: any FlywheelStore) async throws -> any FlywheelStore {
        try await store.migrate()
        return store
    }
}
