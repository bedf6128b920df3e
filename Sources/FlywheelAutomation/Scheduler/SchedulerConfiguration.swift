public import FlywheelFlows
public import Foundation

/// How a `FlowScheduler` works: who it is, how much it takes at once, how long it holds rows, how it retries.
public struct SchedulerConfiguration: Sendable {
    /// This instance's name in leases (unique per running process, e.g. host name + process id + random).
    public var owner: String
    /// Rows claimed and worked per round (memory is proportional to this, not to the pending rows).
    public var batchSize: Int
    /// How long a claim holds its rows; a crashed holder's rows are claimable again after it.
    public var lease: TimeInterval
    /// Sleep between rounds when nothing was due.
    public var pollInterval: Duration
    /// Marketing messages to one customer closer than this compete in the arbiter.
    public var arbiterWindow: FlowDuration
    /// The first retry after failed effects waits this long, doubling per attempt (at most an hour).
    public var retryDelay: TimeInterval
    /// After this many failed attempts the enrolment is ended (`cancelled`), with a timeline entry.
    public var maxAttempts: Int

    public init(
        owner: String, batchSize: Int = 500, lease: TimeInterval = 120, pollInterval: Duration = .seconds(1),
        arbiterWindow: FlowDuration = .hours(16), retryDelay: TimeInterval = 30, maxAttempts: Int = 8
    ) {
        self.owner = owner
        self.batchSize = max(1, batchSize)
        self.lease = lease
        self.pollInterval = pollInterval
        self.arbiterWindow = arbiterWindow
        self.retryDelay = retryDelay
        self.maxAttempts = max(1, maxAttempts)
    }

    /// The wait before retry `attempt` (1 = the first retry): `retryDelay × 2^(attempt−1)`, at most an hour.
    public func backoff(attempt: Int) -> TimeInterval {
        min(3_600, retryDelay * Double(1 << min(max(attempt - 1, 0), 20)))
    }
}
