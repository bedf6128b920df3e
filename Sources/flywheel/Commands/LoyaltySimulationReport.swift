import FlywheelCore
import FlywheelLoyalty
import Foundation

/// What `flywheel loyalty simulate` reports: the replay's summary with the money figures worked out, as JSON
/// (snake_case keys, money in minor units) or text (`text(locale:)`).
struct LoyaltySimulationReport: Encodable {
    struct ProgrammeInfo: Encodable {
        var id: String
        var version: Int
        var name: String
    }

    struct Points: Encodable {
        var issued: Int64
        var issuedByRule: IssuedPoints
        var redeemed: Int64
        var reversed: Int64
        var expired: Int64
        /// Spendable and pending.
        var open: Int64
        var pending: Int64

        enum CodingKeys: String, CodingKey {
            case issued
            case issuedByRule = "issued_by_rule"
            case redeemed, reversed, expired, open, pending
        }
    }

    struct Codes: Encodable {
        var issued: Int
        var used: Int
        var expired: Int
        var redemptionsRefused: Int

        enum CodingKeys: String, CodingKey {
            case issued, used, expired
            case redemptionsRefused = "redemptions_refused"
        }
    }

    struct AgeBucket: Encodable {
        var fromMonths: Int
        var toMonths: Int?
        var points: Int64
        var valueMinor: Int64

        enum CodingKeys: String, CodingKey {
            case fromMonths = "from_months"
            case toMonths = "to_months"
            case points
            case valueMinor = "value_minor"
        }
    }

    struct Liability: Encodable {
        var points: Int64
        var valueMinor: Int64
        var byAge: [AgeBucket]
        var pendingPoints: Int64
        var pendingValueMinor: Int64

        enum CodingKeys: String, CodingKey {
            case points
            case valueMinor = "value_minor"
            case byAge = "by_age"
            case pendingPoints = "pending_points"
            case pendingValueMinor = "pending_value_minor"
        }
    }

    struct TierCount: Encodable {
        /// `nil` for customers without a tier.
        var id: String?
        var name: String?
        var customers: Int
    }

    var programme: ProgrammeInfo
    var source: String
    /// The first and last local day replayed, YYYY-MM-DD.
    var from: String
    var through: String
    var redemption: SimulatedRedemption
    var currency: String
    var members: Int
    var orders: Int
    var skippedOrders: Int
    var refunds: Int
    var points: Points
    /// The redeemed points at the programme's point value.
    var costMinor: Int64
    var liability: Liability
    var codes: Codes
    /// Highest tier first, then customers without a tier.
    var tiers: [TierCount]
    var tierChanges: [String: Int]

    enum CodingKeys: String, CodingKey {
        case programme, source, from, through, redemption, currency, members, orders
        case skippedOrders = "skipped_orders"
        case refunds, points
        case costMinor = "cost_minor"
        case liability, codes, tiers
        case tierChanges = "tier_changes"
    }

    init(
        programme: Programme, source: String, from: Date, through: Date, redemption: SimulatedRedemption,
        summary: ReplaySummary, calendar: ShopCalendar
    ) {
        self.programme = ProgrammeInfo(id: programme.id, version: programme.version, name: programme.name)
        self.source = source
        self.from = calendar.localDate(of: from).description
        self.through = calendar.localDate(of: through).description
        self.redemption = redemption
        currency = programme.currency
        members = summary.members
        orders = summary.orders
        skippedOrders = summary.skippedOrders
        refunds = summary.refunds
        let report = summary.liability
        points = Points(
            issued: summary.pointsIssued, issuedByRule: summary.issuedByRule, redeemed: summary.pointsRedeemed,
            reversed: summary.pointsReversed, expired: summary.pointsExpired, open: summary.pointsOpen,
            pending: report.pendingPoints)
        costMinor = programme.pointValue.value(of: summary.pointsRedeemed)
        liability = Liability(
            points: report.openPoints, valueMinor: report.valueMinor,
            byAge: report.buckets.map {
                AgeBucket(
                    fromMonths: $0.fromMonths, toMonths: $0.toMonths, points: $0.points, valueMinor: $0.valueMinor)
            },
            pendingPoints: report.pendingPoints, pendingValueMinor: report.pendingValueMinor)
        codes = Codes(
            issued: summary.codesIssued, used: summary.codesUsed, expired: summary.codesExpired,
            redemptionsRefused: summary.redemptionsRefused)
        var tiers: [TierCount] = []
        if let settings = programme.tiers {
            tiers = settings.tiers.reversed().map {
                TierCount(id: $0.id, name: $0.name, customers: summary.tierCounts[$0.id] ?? 0)
            }
            tiers.append(TierCount(id: nil, name: nil, customers: summary.tierCounts[""] ?? 0))
        }
        self.tiers = tiers
        tierChanges = summary.tierChanges
    }
}
