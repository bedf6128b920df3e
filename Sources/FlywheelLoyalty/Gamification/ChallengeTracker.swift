public import Foundation

/// One customer's progress in the programme's challenges (and personalised offers); each completes once.
public struct ChallengeTracker: Hashable, Sendable, Codable {
    /// Progress in one challenge.
    public struct Progress: Hashable, Sendable, Codable {
        /// Orders in the challenge's window.
        public var orders = 0
        /// Spend in the window (minor units).
        public var spendMinor: Int64 = 0
        /// When it was completed.
        public var completedAt: Date?
    }

    /// Progress by challenge id.
    public private(set) var progress: [String: Progress] = [:]

    /// No progress yet.
    public init() {}

    /// Records an order at `at` for the challenges offered to this customer (`segments` are the customer's
    /// segments; a challenge without a segment is offered to all) and returns those it completes.
    public mutating func order(spendMinor: Int64, at: Date, challenges: [Challenge], segments: Set<String> = [])
        -> [Challenge]
    {
        var completed: [Challenge] = []
        for challenge in challenges where challenge.start <= at && at < challenge.end {
            if let segment = challenge.segment, !segments.contains(segment) { continue }
            var entry = progress[challenge.id, default: Progress()]
            guard entry.completedAt == nil else { continue }
            entry.orders += 1
            entry.spendMinor += spendMinor
            if entry.orders >= challenge.goalOrders && entry.spendMinor >= challenge.goalSpendMinor {
                entry.completedAt = at
                completed.append(challenge)
            }
            progress[challenge.id] = entry
        }
        return completed
    }
}
