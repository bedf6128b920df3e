public import FlywheelCore
public import Foundation

/// Replays a shop's history through one programme version: orders earn (pending until the return window
/// closes, when set), refunds reverse, rewards are redeemed and their codes used, tiers move, badges are
/// awarded, points expire. Pure: programme + events in time order → ledger, tiers, codes, liability.
///
/// Per-customer state lives in arrays indexed by a dense customer number, so a replay allocates little per
/// event beyond the ledger's own entries. Birthday gifts (tier perk and the `birthday` action) are given
/// with the customer's first activity in their birthday month. Qualifying spend for tiers is the order's
/// eligible amount under the earning rules (net of discounts; shipping and tax as the rules say).
public struct ProgrammeReplay: Sendable {
    /// The programme version in force at the last event.
    public internal(set) var programme: Programme
    /// Later versions, oldest first, adopted when an event reaches their effective time.
    var upcoming: [Programme] = []
    /// The history replayed (one version when built from a programme).
    public internal(set) var history: ProgrammeHistory
    /// The shop's calendar.
    public let calendar: ShopCalendar
    /// The points ledger the replay wrote.
    public internal(set) var ledger: PointsLedger
    /// The codes issued.
    public internal(set) var rewardBook = RewardBook()
    /// The referrals (when the programme has referral terms).
    public internal(set) var referralBook: ReferralBook?
    let referralSecret: String

    var tierRules: TierRules?
    var currency: CurrencyCode?
    var expirySwitchedOn: Date?
    /// Whether `expirySwitchedOn` follows the history (rather than being given).
    var expiryFromHistory = false
    var generator: SplitMix64
    /// How customers redeem when the events do not say (a programme simulated on a shop's history).
    public var redemption: SimulatedRedemption = .never
    /// Points awarded so far, by rule (referrals are counted from the ledger when summarising).
    var issued = IssuedPoints()

    /// The customers' dense numbers (`members`' indices): a 128-bit hash of the id's bytes per lookup.
    var customerIndex = HashedIDIndex()
    /// The customers seen, by dense number (`customerIndex`).
    var members: [ReplayMember] = []
    /// A columnar history's customer numbers → `members`' indices (-1: not seen yet).
    var columnMembers: [Int32] = []
    /// The replayed orders by the ledger's order slot (`PointsLedger.orderSlot`: one hash per order).
    var orderRecords: [OrderRecord] = []
    /// Pending orders' releases, due in time order: the order's slot (the order id is the slot's lot's source
    /// key), or -1 for a columnar order, released by its lot.
    var releases: [(at: Date, slot: Int32, lot: Int32)] = []
    var releaseHead = 0
    var actionAwards: [String: Int64] = [:]
    var appliedRefunds: Set<String> = []
    /// The lot expiry of the last local day seen: [start, end) of that day and the expiry of lots earned in it.
    var expiryDay: (start: Date, end: Date, expiry: Date?)?

    /// A sum of what `warmMembers` loaded (kept, so the loads are not optimised away).
    var warmed = 0

    var orders = 0
    var skippedOrders = 0
    var refunds = 0
    var redemptionsRefused = 0
    var feesMinor: Int64 = 0
    var memberOrders = 0
    var memberSavingsMinor: Int64 = 0

    /// A replay of `programme` in `calendar`'s zone. Codes are drawn from a generator seeded with `seed`;
    /// `expirySwitchedOn` is when expiry was switched on (expiry bites one full period after it; `nil` when
    /// it always applied).
    /// Personal referral codes are derived from `referralSecret` and the customer id.
    /// With `keepingEntries: false` the ledger keeps balances and lots but not its entries (large replays).
    public init(
        programme: Programme, calendar: ShopCalendar, seed: UInt64 = 1, expirySwitchedOn: Date? = nil,
        referralSecret: String = "", keepingEntries: Bool = true
    ) {
        self.ledger = PointsLedger(keepingEntries: keepingEntries)
        self.programme = programme
        self.history = ProgrammeHistory(first: programme)
        self.calendar = calendar
        self.tierRules = programme.tiers.map { TierRules(settings: $0, calendar: calendar) }
        self.currency = CurrencyCode(programme.currency)
        self.expirySwitchedOn = expirySwitchedOn
        self.generator = SplitMix64(seed: seed)
        self.referralBook = programme.referral.map { ReferralBook(terms: $0) }
        self.referralSecret = referralSecret
    }

    /// A replay of a programme's history: each event meets the version in force at its time. A change applies
    /// from its effective time and rewrites nothing: points already earned keep their amount and expiry, and
    /// refunds reverse what their order earned under its version. Tier states carry over by tier id; when the
    /// tier period changes, counting restarts at the change. Expiry bites one full period after it was
    /// switched on (`ProgrammeHistory.expirySwitchedOn`).
    public init(
        history: ProgrammeHistory, calendar: ShopCalendar, seed: UInt64 = 1, referralSecret: String = "",
        keepingEntries: Bool = true
    ) {
        self.init(
            programme: history.versions[0], calendar: calendar, seed: seed, referralSecret: referralSecret,
            keepingEntries: keepingEntries)
        self.history = history
        self.upcoming = Array(history.versions.dropFirst())
        self.expiryFromHistory = true
        self.expirySwitchedOn = history.expirySwitchedOn(asOf: history.versions[0].effectiveFrom)
    }

    /// Makes room for about `orders` orders of `customers` customers (a large replay then does not rehash as
    /// it grows). `keyedOrders: false` for a columnar history (`ReplayOrder`s): its orders are not looked up
    /// by id and keep no record for refunds, so no room is made for that.
    public mutating func reserveCapacity(orders: Int, customers: Int, keyedOrders: Bool = true) {
        let pending = programme.returnWindowDays != nil
        ledger.reserveCapacity(
            entries: orders * (pending ? 2 : 1) + customers, lots: orders + customers,
            sources: orders * (pending ? 2 : 1) + customers, orders: keyedOrders ? orders : 0, customers: customers)
        if keyedOrders { orderRecords.reserveCapacity(orders) }
        releases.reserveCapacity(pending ? 4_096 + orders / 8 : 0)
        customerIndex.reserveCapacity(customers)
        members.reserveCapacity(customers)
    }

    /// Applies one event; events must come in time order.
    public mutating func apply(_ event: ReplayEvent) {
        adoptVersions(through: event.at)
        releaseDue(at: event.at)
        settleReferrals(at: event.at)
        switch event {
        case .customer(let customer):
            let index = customerNumber(customer.externalID, at: customer.createdAt ?? programme.effectiveFrom)
            if let birthday = customer.birthday { members[index].birthday = birthday }
            if let email = customer.email, let terms = programme.referral {
                referralBook?.register(
                    customer: customer.externalID,
                    code: ReferralCode.derived(
                        for: customer.externalID, secret: referralSecret, prefix: terms.codePrefix),
                    identity: ReferralIdentity(email: email))
            }
        case .order(let order): applyOrder(order)
        case .refund(let refund): applyRefund(refund)
        case .redeem(let customer, let rewardID, let key, let at):
            applyRedemption(customer: customer, rewardID: rewardID, key: key, at: at)
        case .action(let customer, let action, let key, let at):
            applyAction(customer: customer, action: action, key: key, at: at)
        case .membershipFee(let customer, let at):
            guard let terms = programme.membership else { return }
            let index = customerNumber(customer, at: at)
            members[index].membership.pay(at: at, terms: terms, calendar: calendar)
            feesMinor += terms.feeMinor
        case .referral(let friend, let code, let identity, let at):
            _ = customerNumber(friend, at: at)
            _ = referralBook?.friendSignedUp(friend: friend, identity: identity, code: code, at: at)
        case .segment(let customer, let segment, let at):
            let index = customerNumber(customer, at: at)
            members[index].segments.insert(segment)
        case .tierGrant(let customer, let tier, let at, let until):
            let index = customerNumber(customer, at: at)
            _ = tierRules?.handle(.grant(at: at, tier: tier, until: until), state: &members[index].tier)
        }
    }

    /// Applies every event, in order.
    public mutating func apply(_ events: some Sequence<ReplayEvent>) {
        for event in events { apply(event) }
    }

    /// The customer's personal referral code (registered when first seen); `nil` without referral terms.
    public mutating func referralCode(of customer: String) -> String? {
        guard let terms = programme.referral, referralBook != nil else { return nil }
        if let code = referralBook?.code(of: customer) { return code }
        let code = ReferralCode.derived(for: customer, secret: referralSecret, prefix: terms.codePrefix)
        return referralBook?.register(customer: customer, code: code, identity: ReferralIdentity())
    }

    /// Rewards the referrals whose friend's first order is past its return window by `at`.
    mutating func settleReferrals(at: Date) {
        guard let next = referralBook?.nextSettlement, next <= at else { return }
        _ = referralBook?.settle(at: at, calendar: calendar, ledger: &ledger)
    }

    /// The customer's spendable points at `at`.
    public func spendablePoints(of customer: String, at: Date) -> Int64 { ledger.spendablePoints(of: customer, at: at) }

    /// The customer's pending points.
    public func pendingPoints(of customer: String) -> Int64 { ledger.pendingPoints(of: customer) }

    /// The customer's tier state (history, current tier).
    public func tierState(of customer: String) -> TierState? { customerIndex.number(of: customer).map { members[$0].tier } }

    /// The customer's tier; `nil` for none or unknown customers.
    public func tier(of customer: String) -> Tier? {
        guard let rules = tierRules, let index = customerIndex.number(of: customer) else { return nil }
        return rules.tier(of: members[index].tier)
    }

    /// The customer's tier progress at `at`.
    public func tierProgress(of customer: String, at: Date) -> TierProgress? {
        guard let rules = tierRules, let index = customerIndex.number(of: customer) else { return nil }
        return rules.progress(of: members[index].tier, at: at)
    }

    /// Whether the customer's paid membership is active at `at`.
    public func isMember(_ customer: String, at: Date) -> Bool {
        customerIndex.number(of: customer).map { members[$0].membership.isActive(at: at) } ?? false
    }

    /// The badges the customer earned.
    public func badges(of customer: String) -> Set<String> {
        customerIndex.number(of: customer).map { members[$0].badges.earned } ?? []
    }

    /// The liability at `at`.
    public func liability(at: Date) -> LiabilityReport {
        LiabilityReport(ledger: ledger, value: programme.pointValue, at: at, calendar: calendar)
    }
}
