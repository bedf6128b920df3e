public import FlywheelCore
public import Foundation

/// An append-only, double-entry points ledger for one programme. A pure value: no I/O, no clock.
///
/// Every movement is a `LedgerEntry` from one account to another, caused by one `SourceEvent`, and each
/// source event is applied at most once. Earned points form lots; spending takes lots first-expiring-first
/// and records per lot what it took, so every point can be traced from the event that earned it to the
/// redemption, expiry or reversal that used it. Balances are cached, and always equal the sum of entries.
public struct PointsLedger: Sendable {
    /// Every entry, oldest first.
    public private(set) var entries: [LedgerEntry] = []
    /// Every lot, in creation order (`lots[id.rawValue]`).
    public internal(set) var lots: [PointsLot] = []
    /// Refunds that could not reverse everything their order earned.
    public private(set) var refundShortfalls: [RefundShortfall] = []

    // Storage laid out for speed (a replay writes millions of entries): customers get dense numbers, balances
    // and lot lists live in arrays, and the entries of a lot or a source are linked lists through arrays, so
    // appending an entry hashes nothing and allocates nothing beyond the entry itself.
    /// Balances of `programme`, `redeemed`, `expired`, `reversed`; whether each has moved.
    private var systemBalances: [Int64] = [0, 0, 0, 0]
    private var systemMoved: [Bool] = [false, false, false, false]
    private var customerNumbers: [String: Int] = [:]
    private var customerNames: [String] = []
    /// Each customer's balances, whether their pending account has moved, and their newest lot: one value
    /// per customer, so an order touches one cache line of the customer's (a replay of millions of customers
    /// misses the cache on each) rather than one in each of four arrays.
    private var customerBooks: [CustomerBooks] = []
    /// Each customer's lots are a list through the lots (newest first: `CustomerBooks.lastLot`, then
    /// `previousLotOfOwner`; -1 ends it): adding a lot writes two integers, where an array per customer
    /// meant a uniqueness check on a cold buffer and a reallocation now and then.
    private var previousLotOfOwner: [Int] = []
    /// The owner's customer number of each lot.
    private var lotOwner: [Int] = []
    /// The last entry of each lot (-1 for none; kept entries only); each entry's previous entry of the same lot.
    private var lastEntryOfLot: [Int] = []
    private var previousInLot: [Int] = []
    /// Every applied source with its last entry (-1 for none); each entry's previous entry of the same source.
    private var sources: [SourceEvent: Int] = [:]
    private var previousInSource: [Int] = []
    /// Each order id's slot (claimed by `orderSlot`, also by replays for orders that earn nothing) and what
    /// each slot's order earned (`nil`: nothing here): one hash per order operation, a 128-bit hash of the
    /// id's bytes in an open-addressing table (`HashedIDIndex`), not a `Dictionary`'s SipHash.
    private var orderSlots = HashedIDIndex()
    var orderEarnings: [OrderEarning?] = []

    /// Whether entries are kept (always, except in a lean ledger for large replays).
    public let keepsEntries: Bool
    /// Points each redemption spent, net of hand-backs (for `handBack`, in both modes).
    var redeemedBySource: [SourceEvent: Int64] = [:]
    /// How many entries were written (kept or not).
    public private(set) var entryCount = 0
    /// The sources applied since the ledger was restored from a store, with what restoring needs of them
    /// (`PointsLedger+Records.swift`); `nil` (nothing recorded) in every other ledger.
    var journal: [SourceApplication]?

    /// An empty ledger.
    public init() { keepsEntries = true }

    /// An empty ledger that keeps balances, lots, exactly-once keys and refund state but not its entries
    /// (`keepsEntries == false`), for replays of millions of orders: `entries`, `trace(customer:)`,
    /// `origins(of:)` and `balanceFromEntries(of:)` are then empty. Outcomes still return their entries.
    public init(keepingEntries: Bool) { keepsEntries = keepingEntries }

    /// Makes room for about `entries` entries, `lots` lots, `sources` source events, `orders` earning orders
    /// (looked up by id) and `customers` customers, so a large replay does not rehash as it grows.
    public mutating func reserveCapacity(entries: Int, lots: Int, sources: Int, orders: Int, customers: Int) {
        if keepsEntries {
            self.entries.reserveCapacity(entries)
            previousInLot.reserveCapacity(entries)
            previousInSource.reserveCapacity(entries)
            lastEntryOfLot.reserveCapacity(lots)
        }
        self.lots.reserveCapacity(lots)
        lotOwner.reserveCapacity(lots)
        previousLotOfOwner.reserveCapacity(lots)
        self.sources.reserveCapacity(sources)
        if orders > 0 {
            orderSlots.reserveCapacity(orders)
            orderEarnings.reserveCapacity(orders)
        }
        customerNumbers.reserveCapacity(customers)
        customerNames.reserveCapacity(customers)
        customerBooks.reserveCapacity(customers)
    }

    /// The cached balance of `account`.
    public func balance(of account: LedgerAccount) -> Int64 {
        switch account {
        case .available(let customer): customerNumbers[customer].map { customerBooks[$0].available } ?? 0
        case .pending(let customer): customerNumbers[customer].map { customerBooks[$0].pending } ?? 0
        default: systemBalances[Self.systemSlot(account)]
        }
    }

    /// The balance of `account` recomputed from the entries (credits minus debits); equals `balance(of:)`.
    public func balanceFromEntries(of account: LedgerAccount) -> Int64 {
        entries.reduce(0) { sum, entry in
            sum + (entry.credit == account ? entry.points : 0) - (entry.debit == account ? entry.points : 0)
        }
    }

    /// Every account that has ever moved points.
    public var accounts: [LedgerAccount] {
        var result: [LedgerAccount] = [.programme, .redeemed, .expired, .reversed].filter {
            systemMoved[Self.systemSlot($0)]
        }
        for (number, customer) in customerNames.enumerated() {
            result.append(.available(customer: customer))
            if customerBooks[number].pendingMoved { result.append(.pending(customer: customer)) }
        }
        return result
    }

    /// Whether `source` has already been applied.
    ///
    /// An order's earning and its release (keyed by the order id) are recorded in the order table rather than
    /// in the source table, so that a replay hashes each order id once per operation.
    public func hasApplied(_ source: SourceEvent) -> Bool {
        switch source.kind {
        case .order: orderSlots.number(of: source.key).map { orderEarnings[$0] != nil } ?? false
        case .release:
            orderSlots.number(of: source.key).map { orderEarnings[$0]?.released == true } ?? false
                || sources[source] != nil
        default: sources[source] != nil
        }
    }

    /// Awards `points` to `customer` as a new lot.
    ///
    /// - Parameters:
    ///   - source: an `order`, `referral`, `bonus`, `manual` or `import` event.
    ///   - expiresAt: when the lot's remaining points expire; `nil` for never.
    ///   - orderAmount: for `order` events, the amount the points were earned on (required: refunds are
    ///     pro-rated against it).
    ///   - admin: who made a manual award.
    ///   - pending: the points wait in the customer's `pending` account until `release(order:…)` (an order
    ///     whose return window is open); they are not spendable until then.
    public mutating func earn(
        customer: String, points: Int64, source: SourceEvent, reason: String, at: Date, expiresAt: Date? = nil,
        orderAmount: Money? = nil, admin: String? = nil, pending: Bool = false
    ) -> LedgerOutcome {
        if hasApplied(source) { return .alreadyApplied }
        switch source.kind {
        case .order, .referral, .bonus, .manual, .imported: break
        default:
            return .rejected(
                .wrongSourceKind(expected: [.order, .referral, .bonus, .manual, .imported], got: source.kind))
        }
        guard points > 0 else { return .rejected(.nonPositivePoints(points)) }
        var slot: Int?
        if source.kind == .order {
            guard let orderAmount else { return .rejected(.missingOrderAmount) }
            guard orderAmount.minorUnits > 0 else { return .rejected(.nonPositiveAmount) }
            slot = orderSlot(source.key).slot
        }
        let entry = addEarning(
            owner: customerNumber(customer), customer: customer, points: points, source: source, reason: reason,
            at: at, expiresAt: expiresAt, orderSlot: slot, orderAmount: orderAmount, admin: admin, pending: pending)
        journal?.append(SourceApplication(source: source, at: at))
        return .applied(entries: [entry], shortfall: 0)
    }

    /// The replay's fast path of `earn` for an order: `slot` from `orderSlot` (new), `owner` from
    /// `customerNumber(_:)`; the caller has checked what `earn` checks (points and amount positive). No lookup.
    mutating func earnOrder(
        slot: Int, owner: Int, customer: String, points: Int64, source: SourceEvent, at: Date, expiresAt: Date?,
        amount: Money, pending: Bool
    ) {
        guard keepsEntries else {
            // Lean: the lot, the order's earning and the balances; no `LedgerEntry` value is built (an order's
            // earning is marked applied in the order table, so `append` would record nothing else).
            _ = addEarnedLot(
                owner: owner, customer: customer, points: points, source: source, at: at, expiresAt: expiresAt,
                orderSlot: slot, orderAmount: amount, pending: pending)
            bookLeanEarning(owner: owner, points: points, pending: pending)
            return
        }
        _ = addEarning(
            owner: owner, customer: customer, points: points, source: source, reason: "order", at: at,
            expiresAt: expiresAt, orderSlot: slot, orderAmount: amount, admin: nil, pending: pending)
    }

    /// The columnar replay's earning of an order whose id is not kept (`ProgrammeReplay.apply(_:newCustomerID:)`:
    /// its ids made distinct beforehand): a lean ledger's lot and balances only — no order slot, no
    /// `OrderEarning` (the order cannot be found later: no refund, no `hasApplied`), no entry. Returns the
    /// lot's index for `releaseUnkeyedOrder(lot:at:)`. The caller has checked what `earn` checks.
    mutating func earnUnkeyedOrder(owner: Int, customer: String, points: Int64, at: Date, expiresAt: Date?, pending: Bool)
        -> Int
    {
        precondition(!keepsEntries, "only a lean ledger earns for orders it cannot find again")
        let lot = addEarnedLot(
            owner: owner, customer: customer, points: points, source: SourceEvent(.order, key: ""), at: at,
            expiresAt: expiresAt, orderSlot: nil, orderAmount: nil, pending: pending)
        bookLeanEarning(owner: owner, points: points, pending: pending)
        return lot.rawValue
    }

    /// A lean ledger's balances for an earning without its entry: counted, taken from the programme's account,
    /// added to the owner's pending or available points.
    @inline(__always)
    private mutating func bookLeanEarning(owner: Int, points: Int64, pending: Bool) {
        entryCount += 1
        systemBalances[0] -= points
        systemMoved[0] = true
        if pending {
            customerBooks[owner].pending += points
            customerBooks[owner].pendingMoved = true
        } else {
            customerBooks[owner].available += points
        }
    }

    private mutating func addEarning(
        owner: Int, customer: String, points: Int64, source: SourceEvent, reason: String, at: Date, expiresAt: Date?,
        orderSlot slot: Int?, orderAmount: Money?, admin: String?, pending: Bool
    ) -> LedgerEntry {
        let lotID = addEarnedLot(
            owner: owner, customer: customer, points: points, source: source, at: at, expiresAt: expiresAt,
            orderSlot: slot, orderAmount: orderAmount, pending: pending)
        return append(
            debit: .programme, credit: lots[lotID.rawValue].account, points: points, source: source,
            reason: reason, at: at, lot: lotID, admin: admin)
    }

    /// A new earned lot of `owner` (and, for an order, its slot's earning), without its entry.
    private mutating func addEarnedLot(
        owner: Int, customer: String, points: Int64, source: SourceEvent, at: Date, expiresAt: Date?,
        orderSlot slot: Int?, orderAmount: Money?, pending: Bool
    ) -> LotID {
        let lotID = LotID(lots.count)
        lots.append(
            PointsLot(
                id: lotID, customer: customer, source: source, earnedAt: at, expiresAt: expiresAt, earned: points,
                remaining: points, isPending: pending))
        link(lotID, owner: owner)
        if keepsEntries { lastEntryOfLot.append(-1) }
        if let slot, let orderAmount {
            orderEarnings[slot] = OrderEarning(
                customer: customer, lot: lotID, earned: points, amountMinor: orderAmount.minorUnits,
                currency: orderAmount.currency)
        }
        return lotID
    }

    /// The slot of order `key`, claimed when new (`isNew`): one hash lookup.
    mutating func orderSlot(_ key: String) -> (slot: Int, isNew: Bool) {
        // Slots are dense and claimed only here, so the index's numbers are `orderEarnings`' indices.
        precondition(orderSlots.count == orderEarnings.count, "orders by id and new order slots are not mixed")
        let (slot, isNew) = orderSlots.claim(key)
        if isNew { orderEarnings.append(nil) }
        return (slot, isNew)
    }

    /// The slot of order `key`, if claimed.
    func existingOrderSlot(_ key: String) -> Int? { orderSlots.number(of: key) }

    /// Adds `points` to `customer` as a new lot taken from `debit` (the hand-back of redeemed points).
    mutating func addLot(
        customer: String, points: Int64, from debit: LedgerAccount, source: SourceEvent, reason: String, at: Date,
        expiresAt: Date?
    ) -> LedgerEntry {
        let lotID = LotID(lots.count)
        lots.append(
            PointsLot(
                id: lotID, customer: customer, source: source, earnedAt: at, expiresAt: expiresAt, earned: points,
                remaining: points))
        registerLot(lotID, customer: customer)
        return append(
            debit: debit, credit: .available(customer: customer), points: points, source: source, reason: reason,
            at: at, lot: lotID, admin: nil)
    }

    /// The customer's lots that still hold points and have not expired at `date`, in spending order.
    func spendableLots(of customer: String, at date: Date) -> [LotID] {
        lotIDs(of: customer)
            .filter { id in
                let lot = lots[id.rawValue]
                return lot.remaining > 0 && !lot.isPending && (lot.expiresAt.map { $0 > date } ?? true)
            }
            .sorted { lots[$0.rawValue].spendsBefore(lots[$1.rawValue]) }
    }

    /// Points `customer` can spend at `date`: the available balance minus lots past their expiry that the
    /// expiry run has not yet moved.
    public func spendablePoints(of customer: String, at date: Date) -> Int64 {
        spendableLots(of: customer, at: date).reduce(0) { $0 + lots[$1.rawValue].remaining }
    }

    /// Takes `points` out of `lot` into `credit` and returns the entry.
    mutating func take(
        _ points: Int64, from lot: LotID, to credit: LedgerAccount, source: SourceEvent, reason: String, at: Date,
        admin: String? = nil
    ) -> LedgerEntry {
        lots[lot.rawValue].remaining -= points
        return append(
            debit: lots[lot.rawValue].account, credit: credit, points: points, source: source,
            reason: reason, at: at, lot: lot, admin: admin)
    }

    /// Marks `source` applied (for operations that succeed without entries, such as an empty expiry run).
    mutating func markApplied(_ source: SourceEvent) {
        if sources[source] == nil { sources[source] = -1 }
    }

    /// Gives a new lot its owner and an empty entry list.
    mutating func registerLot(_ lot: LotID, customer: String) {
        let number = customerNumber(customer)
        link(lot, owner: number)
        if keepsEntries { lastEntryOfLot.append(-1) }
    }

    /// Records `owner` as the owner of the new `lot` and adds the lot to the owner's list.
    private mutating func link(_ lot: LotID, owner: Int) {
        lotOwner.append(owner)
        previousLotOfOwner.append(customerBooks[owner].lastLot)
        customerBooks[owner].lastLot = lot.rawValue
    }

    /// A value of customer `owner`'s books, read only to load them into the cache ahead of their use
    /// (`ProgrammeReplay`'s warming).
    func warmBooks(of owner: Int) -> Int { owner < customerBooks.count ? customerBooks[owner].lastLot : 0 }

    /// The ledger's dense number of `customer`, added when new.
    mutating func customerNumber(_ customer: String) -> Int {
        if let known = customerNumbers[customer] { return known }
        let number = customerNames.count
        customerNumbers[customer] = number
        customerNames.append(customer)
        customerBooks.append(CustomerBooks())
        return number
    }

    /// Adds `delta` to `account`'s balance; customer accounts belong to `owner` (the lot's owner).
    private mutating func move(_ account: LedgerAccount, _ delta: Int64, owner: Int) {
        switch account {
        case .available: customerBooks[owner].available += delta
        case .pending:
            customerBooks[owner].pending += delta
            customerBooks[owner].pendingMoved = true
        default:
            let slot = Self.systemSlot(account)
            systemBalances[slot] += delta
            systemMoved[slot] = true
        }
    }

    private static func systemSlot(_ account: LedgerAccount) -> Int {
        switch account {
        case .programme: 0
        case .redeemed: 1
        case .expired: 2
        default: 3
        }
    }

    mutating func append(
        debit: LedgerAccount, credit: LedgerAccount, points: Int64, source: SourceEvent, reason: String, at: Date,
        lot: LotID, admin: String?
    ) -> LedgerEntry {
        let entry = LedgerEntry(
            sequence: entryCount, debit: debit, credit: credit, points: points, source: source, reason: reason,
            at: at, lot: lot, admin: admin)
        entryCount += 1
        let owner = lotOwner[lot.rawValue]
        move(debit, -points, owner: owner)
        move(credit, points, owner: owner)
        if credit == .redeemed { redeemedBySource[source, default: 0] += points }
        guard keepsEntries else {
            // Orders and their releases are marked in the order table (see `hasApplied`).
            if source.kind != .order && source.kind != .release { sources.updateValue(-1, forKey: source) }
            return entry
        }
        entries.append(entry)
        previousInLot.append(lastEntryOfLot[lot.rawValue])
        lastEntryOfLot[lot.rawValue] = entry.sequence
        previousInSource.append(sources.updateValue(entry.sequence, forKey: source) ?? -1)
        return entry
    }

    /// Moves what is left of a pending lot to the customer's available account.
    mutating func releaseLot(_ lot: LotID, source: SourceEvent, reason: String, at: Date) -> LedgerEntry? {
        let held = lots[lot.rawValue]
        guard held.isPending else { return nil }
        lots[lot.rawValue].isPending = false
        guard held.remaining > 0 else { return nil }
        return append(
            debit: .pending(customer: held.customer), credit: .available(customer: held.customer),
            points: held.remaining, source: source, reason: reason, at: at, lot: lot, admin: nil)
    }

    /// The replay's release of order `slot`'s pending lot when its return window closed (the source is the
    /// order's `release`, keyed by the order id). A lean ledger moves the balances only — no `SourceEvent`,
    /// no `LedgerEntry`, no `String` touched; a full one writes the entry as `release(slot:source:…)` does.
    mutating func releaseOrder(slot: Int, at: Date) {
        guard !keepsEntries else {
            guard let lot = orderEarnings[slot]?.lot else { return }
            release(
                slot: slot, source: SourceEvent(.release, key: lots[lot.rawValue].source.key),
                reason: "return window closed", at: at)
            return
        }
        guard let lot = orderEarnings[slot]?.lot else { return }
        orderEarnings[slot]?.released = true
        releaseUnkeyedOrder(lot: lot.rawValue, at: at)
    }

    /// `expire(source:reason:at:)` for a caller that needs no outcome (a replay closing its books): in a lean
    /// ledger the same lots, balances and applied source, without a `LedgerEntry` value per expired lot
    /// (millions at the end of a long replay); a full ledger expires as `expire` does.
    mutating func expireLots(source: SourceEvent, reason: String, at: Date) {
        guard !keepsEntries else {
            _ = expire(source: source, reason: reason, at: at)
            return
        }
        guard !hasApplied(source), source.kind == .expiry else { return }
        var expired: Int64 = 0
        for index in lots.indices where lots[index].remaining > 0 {
            guard let expiresAt = lots[index].expiresAt, expiresAt <= at else { continue }
            let points = lots[index].remaining
            lots[index].remaining = 0
            let owner = lotOwner[index]
            if lots[index].isPending {
                customerBooks[owner].pending -= points
                customerBooks[owner].pendingMoved = true
            } else {
                customerBooks[owner].available -= points
            }
            expired += points
            entryCount += 1
            systemMoved[2] = true
        }
        systemBalances[2] += expired
        markApplied(source)
        journal?.append(SourceApplication(source: source, at: at))
    }

    /// The lean release of a pending order lot (`earnUnkeyedOrder`, or through `releaseOrder(slot:at:)`): the
    /// balances only.
    mutating func releaseUnkeyedOrder(lot index: Int, at: Date) {
        guard lots[index].isPending else { return }
        lots[index].isPending = false
        let points = lots[index].remaining
        guard points > 0 else { return }
        let owner = lotOwner[index]
        entryCount += 1
        customerBooks[owner].pending -= points
        customerBooks[owner].pendingMoved = true
        customerBooks[owner].available += points
    }

    mutating func recordShortfall(_ shortfall: RefundShortfall) { refundShortfalls.append(shortfall) }

    /// The entries of `lot`, oldest first (none in a lean ledger).
    func entries(ofLot lot: LotID) -> [LedgerEntry] {
        guard keepsEntries else { return [] }
        return collect(from: lastEntryOfLot[lot.rawValue], links: previousInLot)
    }

    /// The entries of `source`, oldest first.
    func entries(of source: SourceEvent) -> [LedgerEntry] {
        collect(from: sources[source] ?? -1, links: previousInSource)
    }

    /// The customer's lots in creation order.
    func lotIDs(of customer: String) -> [LotID] {
        guard let number = customerNumbers[customer] else { return [] }
        var result: [LotID] = []
        var lot = customerBooks[number].lastLot
        while lot >= 0 {
            result.append(LotID(lot))
            lot = previousLotOfOwner[lot]
        }
        return result.reversed()
    }

    private func collect(from last: Int, links: [Int]) -> [LedgerEntry] {
        var result: [LedgerEntry] = []
        var index = last
        while index >= 0 {
            result.append(entries[index])
            index = links[index]
        }
        return result.reversed()
    }

    /// What the ledger keeps per customer (`customerBooks`).
    private struct CustomerBooks: Sendable {
        var available: Int64 = 0
        var pending: Int64 = 0
        /// The newest lot (-1 for none).
        var lastLot = -1
        var pendingMoved = false
    }
}
