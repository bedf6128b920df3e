/// One customer's stored ledger, as a ledger transaction sees it (`FlywheelStore.withLedger`): the stored
/// sources, lots and entries, oldest first, to which the transaction may only append.
///
/// `append` keeps the records in order (each the next number, the transaction's customer, positive points,
/// entries naming known lots); the store adds the rule that a source applies once per customer, in its
/// schema. What was appended is `newSources`, `newLots`, `newEntries`.
public struct CustomerLedgerRecords: Hashable, Sendable {
    /// The customer.
    public let customer: String
    /// Every applied source, oldest first.
    public private(set) var sources: [LedgerSourceRecord]
    /// Every lot, in creation order.
    public private(set) var lots: [LedgerLotRecord]
    /// Every entry, oldest first.
    public private(set) var entries: [LedgerEntryRecord]
    private let storedSources: Int
    private let storedLots: Int
    private let storedEntries: Int

    /// The records of `customer` as stored (engines call this; the records must be in order).
    public init(
        customer: String, sources: [LedgerSourceRecord] = [], lots: [LedgerLotRecord] = [],
        entries: [LedgerEntryRecord] = []
    ) {
        self.customer = customer
        self.sources = sources
        self.lots = lots
        self.entries = entries
        storedSources = sources.count
        storedLots = lots.count
        storedEntries = entries.count
    }

    /// Sources appended by this transaction.
    public var newSources: ArraySlice<LedgerSourceRecord> { sources[storedSources...] }
    /// Lots appended by this transaction.
    public var newLots: ArraySlice<LedgerLotRecord> { lots[storedLots...] }
    /// Entries appended by this transaction.
    public var newEntries: ArraySlice<LedgerEntryRecord> { entries[storedEntries...] }
    /// Whether the transaction appended anything.
    public var hasChanges: Bool {
        sources.count > storedSources || lots.count > storedLots || entries.count > storedEntries
    }

    /// Appends an applied source; its `sequence` must be the next one.
    public mutating func append(_ source: LedgerSourceRecord) throws {
        try check(customer: source.customer, record: "ledger source \(source.kind):\(source.key)")
        guard source.sequence == sources.count else {
            throw LedgerStoreError.outOfSequence(
                record: "ledger source \(source.kind):\(source.key)", expected: sources.count, got: source.sequence)
        }
        guard source.shortfallPoints >= 0 else {
            throw LedgerStoreError.nonPositivePoints(record: "ledger source \(source.kind):\(source.key) shortfall")
        }
        sources.append(source)
    }

    /// Appends a lot; its `number` must be the next one.
    public mutating func append(_ lot: LedgerLotRecord) throws {
        try check(customer: lot.customer, record: "ledger lot \(lot.number)")
        guard lot.number == lots.count else {
            throw LedgerStoreError.outOfSequence(record: "ledger lot", expected: lots.count, got: lot.number)
        }
        guard lot.earned > 0 else { throw LedgerStoreError.nonPositivePoints(record: "ledger lot \(lot.number)") }
        lots.append(lot)
    }

    /// Appends an entry; its `sequence` must be the next one and its lot known.
    public mutating func append(_ entry: LedgerEntryRecord) throws {
        try check(customer: entry.customer, record: "ledger entry \(entry.sequence)")
        guard entry.sequence == entries.count else {
            throw LedgerStoreError.outOfSequence(record: "ledger entry", expected: entries.count, got: entry.sequence)
        }
        guard entry.lot >= 0, entry.lot < lots.count else {
            throw LedgerStoreError.unknownLot(entry: entry.sequence, lot: entry.lot)
        }
        guard entry.points > 0 else {
            throw LedgerStoreError.nonPositivePoints(record: "ledger entry \(entry.sequence)")
        }
        entries.append(entry)
    }

    /// The balance recomputed from every entry (credits minus debits of the customer's two accounts).
    public var balance: LedgerBalance {
        var result = LedgerBalance(customer: customer, entryCount: entries.count)
        for entry in entries {
            switch entry.credit {
            case .available: result.available += entry.points
            case .pending: result.pending += entry.points
            default: break
            }
            switch entry.debit {
            case .available: result.available -= entry.points
            case .pending: result.pending -= entry.points
            default: break
            }
        }
        return result
    }

    /// The lots that still hold points, with what is left and whether they are pending.
    public var openLots: [LedgerOpenLot] {
        var remaining = lots.map(\.earned)
        var pending = lots.map(\.pending)
        for entry in entries where entry.takesFromLot { remaining[entry.lot] -= entry.points }
        for source in sources {
            if let lot = source.releasesLot, lot >= 0, lot < pending.count { pending[lot] = false }
        }
        return lots.indices.compactMap { index in
            remaining[index] > 0
                ? LedgerOpenLot(lot: lots[index], remaining: remaining[index], isPending: pending[index]) : nil
        }
    }

    private func check(customer: String, record: String) throws {
        guard customer == self.customer else { throw LedgerStoreError.otherCustomer(record: record) }
    }
}
