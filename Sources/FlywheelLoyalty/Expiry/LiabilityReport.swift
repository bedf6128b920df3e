public import FlywheelCore
public import Foundation

/// What the open points are worth, for the books: open points × redemption value, by age of the lot that
/// holds them. Computed from the ledger's lots at a moment.
public struct LiabilityReport: Hashable, Sendable, Codable {
    /// Open points earned within an age range.
    public struct Bucket: Hashable, Sendable, Codable {
        /// Lots at least this many months old …
        public var fromMonths: Int
        /// … and younger than this many (`nil`: no upper end).
        public var toMonths: Int?
        /// Spendable points in those lots.
        public var points: Int64
        /// Their value in minor units (rounded down per bucket).
        public var valueMinor: Int64
    }

    /// When the report was taken.
    public var at: Date
    /// The buckets, youngest first.
    public var buckets: [Bucket]
    /// Points still pending (not yet spendable); not in the buckets.
    public var pendingPoints: Int64
    /// Their value in minor units.
    public var pendingValueMinor: Int64

    /// All spendable open points.
    public var openPoints: Int64 { buckets.reduce(0) { $0 + $1.points } }
    /// Their value (the sum of the buckets' values).
    public var valueMinor: Int64 { buckets.reduce(0) { $0 + $1.valueMinor } }

    /// The report at `at`: each spendable lot (not expired at `at`) goes to the bucket of its age in whole
    /// local months (`edges` in months, e.g. `[3, 6, 12]` gives 0–3, 3–6, 6–12, 12+).
    public init(ledger: PointsLedger, value: PointValue, at: Date, calendar: ShopCalendar, edges: [Int] = [3, 6, 12]) {
        self.init(
            lots: ledger.lots.lazy.map {
                (remaining: $0.remaining, isPending: $0.isPending, expiresAt: $0.expiresAt, earnedAt: $0.earnedAt)
            }, value: value, at: at, calendar: calendar, edges: edges)
    }

    /// The report from a store's open lots (`FlywheelStore.openLedgerLots()`): the whole shop's, without
    /// restoring any ledger. Same rules as `init(ledger:…)`.
    public init(
        openLots: [LedgerOpenLot], value: PointValue, at: Date, calendar: ShopCalendar, edges: [Int] = [3, 6, 12]
    ) {
        self.init(
            lots: openLots.lazy.map {
                (
                    remaining: $0.remaining, isPending: $0.isPending, expiresAt: $0.lot.expiresAt,
                    earnedAt: $0.lot.earnedAt
                )
            }, value: value, at: at, calendar: calendar, edges: edges)
    }

    private init(
        lots: some Sequence<(remaining: Int64, isPending: Bool, expiresAt: Date?, earnedAt: Date)>, value: PointValue,
        at: Date, calendar: ShopCalendar, edges: [Int]
    ) {
        self.at = at
        let bounds = [0] + edges
        var points = [Int64](repeating: 0, count: bounds.count)
        var pending: Int64 = 0
        let today = calendar.localDate(of: at)
        // The local day of the last earning time looked up, [start, end): lots come mostly in time order, and
        // time-zone lookups are slow (millions of lots in a replay).
        var day: (start: Date, end: Date, date: CivilDate)?
        for lot in lots where lot.remaining > 0 {
            if lot.isPending {
                pending += lot.remaining
                continue
            }
            if let expiresAt = lot.expiresAt, expiresAt <= at { continue }
            let earned: CivilDate
            if let day, day.start <= lot.earnedAt, lot.earnedAt < day.end {
                earned = day.date
            } else {
                earned = calendar.localDate(of: lot.earnedAt)
                day = (
                    calendar.instant(localDate: earned, secondsOfDay: 0),
                    calendar.instant(localDate: earned.adding(days: 1), secondsOfDay: 0), earned
                )
            }
            var age = (today.year - earned.year) * 12 + today.month - earned.month
            if today.day < earned.day { age -= 1 }
            let index = bounds.lastIndex { $0 <= max(0, age) } ?? 0
            points[index] += lot.remaining
        }
        buckets = bounds.indices.map { index in
            Bucket(
                fromMonths: bounds[index], toMonths: index + 1 < bounds.count ? bounds[index + 1] : nil,
                points: points[index], valueMinor: value.value(of: points[index]))
        }
        pendingPoints = pending
        pendingValueMinor = value.value(of: pending)
    }
}
