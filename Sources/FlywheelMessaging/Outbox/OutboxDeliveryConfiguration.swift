public import Foundation

/// How an `OutboxDelivery` worker sends: the author of e-mails, the Message-ID domain, batch size, lease,
/// retries and the poll interval of `run()`.
public struct OutboxDeliveryConfiguration: Sendable {
    /// The From of every e-mail (the shop).
    public var from: MailAddress
    /// The envelope sender for bounces; `nil` uses `from`.
    public var bounceAddress: String?
    /// The domain of Message-IDs (`fw.<hash>@domain`), the shop's sending domain.
    public var messageIDDomain: String
    /// This worker's name in leases; unique per running worker (two instances must differ).
    public var workerID: String
    /// Messages claimed and sent together (pipelined on one SMTP connection).
    public var batchSize: Int
    /// How long a claim holds a message; a worker that dies mid-send gives it up after this.
    public var lease: TimeInterval
    /// Retries of temporary failures.
    public var retry: OutboxRetryPolicy
    /// How long `run()` waits when nothing was due.
    public var pollInterval: Duration

    /// A configuration; `workerID` defaults to a new random one.
    public init(
        from: MailAddress, bounceAddress: String? = nil, messageIDDomain: String,
        workerID: String = "worker-\(UUID().uuidString.lowercased())", batchSize: Int = 200, lease: TimeInterval = 300,
        retry: OutboxRetryPolicy = OutboxRetryPolicy(), pollInterval: Duration = .seconds(1)
    ) {
        self.from = from
        self.bounceAddress = bounceAddress
        self.messageIDDomain = messageIDDomain
        self.workerID = workerID
        self.batchSize = max(1, batchSize)
        self.lease = max(1, lease)
        self.retry = retry
        self.pollInterval = pollInterval
    }
}
