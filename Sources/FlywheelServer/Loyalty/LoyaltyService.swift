public import FlywheelCore
public import FlywheelLoyalty
public import Foundation
public import Logging
import Synchronization

/// The loyalty programme at work in the server: awards and reverses points as orders and refunds are stored
/// (an `IngestObserver`), redeems rewards, adjusts by hand, releases pending points and runs expiry, and reads
/// a customer's account. The rules are `FlywheelLoyalty`'s; this type only feeds them stored records and
/// keeps every ledger change in `withPointsLedger` (one transaction per customer, exactly once per source
/// key: an order's points by the order id, a refund's reversal by the refund id). See docs/loyalty.md,
/// "In the server". `codeSeed` makes reward codes reproducible (tests); production draws them at random.
public struct LoyaltyService: Sendable {
    /// The programme in force.
    public let programme: Programme
    let store: any FlywheelStore
    let calendar: ShopCalendar
    let currency: CurrencyCode?
    /// The secret personal referral codes are derived from.
    let referralSecret: String
    /// Where referral links point (`?ref=CODE` is added).
    let referralBase: URL
    let logger: Logger
    /// Batches whose loyalty part failed (a store error); retried by `runDue`.
    let retries: Retries
    /// Where reward codes are drawn from.
    let codes: CodeDraws
    /// Personal referral codes met so far, for finding a code's customer.
    let referralCodes = ReferralCodeTable()

    /// A service for `programme` over `store`.
    public init(
        programme: Programme, store: any FlywheelStore, calendar: ShopCalendar, referralSecret: String,
        referralBase: URL, logger: Logger = Logger(label: "flywheel.loyalty"), codeSeed: UInt64? = nil
    ) {
        self.programme = programme
        self.store = store
        self.calendar = calendar
        self.currency = CurrencyCode(programme.currency)
        self.referralSecret = referralSecret
        self.referralBase = referralBase
        self.logger = logger
        self.retries = Retries()
        self.codes = CodeDraws(seed: codeSeed)
    }

    /// The expiry of a lot earned at `at` under the programme (nil: never). Expiry counts from the
    /// programme's `effective_from` (the switch-on rule).
    func lotExpiry(earnedAt at: Date) -> Date? {
        programme.expiry.lotExpiry(earnedAt: at, switchedOn: programme.effectiveFrom, calendar: calendar)
    }

    /// The customer's personal referral code; `nil` when the programme has no referrals.
    public func referralCode(of customer: String) -> String? {
        guard let terms = programme.referral else { return nil }
        return ReferralCode.derived(for: customer, secret: referralSecret, prefix: terms.codePrefix)
    }

    /// The customer's referral link: the referral base with `ref=CODE`.
    public func referralLink(of customer: String) -> URL? {
        guard let code = referralCode(of: customer),
            var components = URLComponents(url: referralBase, resolvingAgainstBaseURL: false)
        else { return nil }
        components.queryItems = (components.queryItems ?? []) + [URLQueryItem(name: "ref", value: code)]
        return components.url
    }
}

extension LoyaltyService {
    /// Batches to try again; a small lock-protected list (no actor: nothing awaits under the lock).
    final class Retries: Sendable {
        private let batches = Mutex<[IngestBatch]>([])

        func add(_ batch: IngestBatch) { batches.withLock { $0.append(batch) } }

        func takeAll() -> [IngestBatch] { batches.withLock { list in defer { list = [] }; return list } }

        var count: Int { batches.withLock { $0.count } }
    }

    /// Reward codes drawn from a pattern: from the system's random generator, or (`seed`, for tests that need
    /// to know the codes) from one seeded `SplitMix64` the service's redemptions share.
    final class CodeDraws: Sendable {
        private let seeded: Mutex<SplitMix64?>

        init(seed: UInt64?) { seeded = Mutex(seed.map(SplitMix64.init(seed:))) }

        func draw(_ pattern: CodePattern) -> String {
            seeded.withLock { generator in
                guard generator != nil else {
                    var system = SystemRandomNumberGenerator()
                    return pattern.generate(using: &system)
                }
                return pattern.generate(using: &generator!)
            }
        }
    }
}
