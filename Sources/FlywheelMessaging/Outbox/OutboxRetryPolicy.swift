public import Foundation

/// When a temporarily failed message is tried again: exponential backoff with jitter, up to a number of
/// attempts, after which it is a dead letter.
///
/// Attempt n (1-based) that failed waits `min(maximumDelay, baseDelay × 2^(n-1))`, shortened by up to
/// `jitter` of itself at random, so that messages failing together (a server down) do not all come back
/// at the same moment.
public struct OutboxRetryPolicy: Sendable, Hashable {
    /// Attempts in all, the first included; the last failing makes the message dead.
    public var maximumAttempts: Int
    /// The wait after the first failed attempt.
    public var baseDelay: TimeInterval
    /// The longest wait.
    public var maximumDelay: TimeInterval
    /// The share of a wait taken off at random (0 … 1).
    public var jitter: Double

    /// A policy; the defaults try 10 times over up to about 8 hours: waits of 1, 2, 4 … minutes, at most
    /// 4 hours.
    public init(
        maximumAttempts: Int = 10, baseDelay: TimeInterval = 60, maximumDelay: TimeInterval = 4 * 3600,
        jitter: Double = 0.5
    ) {
        self.maximumAttempts = max(1, maximumAttempts)
        self.baseDelay = max(0, baseDelay)
        self.maximumDelay = max(self.baseDelay, maximumDelay)
        self.jitter = min(1, max(0, jitter))
    }

    /// The wait after failed attempt `attempt` (1-based), for a random `unit` in 0 ..< 1.
    public func delay(afterAttempt attempt: Int, unit: Double) -> TimeInterval {
        let exponent = Double(min(max(attempt, 1) - 1, 62))
        let full = min(maximumDelay, baseDelay * pow(2, exponent))
        return full * (1 - jitter * min(max(unit, 0), 1))
    }

    /// When to try again after failed attempt `attempt`, or `nil` when it was the last allowed one.
    public func nextAttempt(afterAttempt attempt: Int, now: Date, unit: Double) -> Date? {
        guard attempt < maximumAttempts else { return nil }
        return now + delay(afterAttempt: attempt, unit: unit)
    }
}
