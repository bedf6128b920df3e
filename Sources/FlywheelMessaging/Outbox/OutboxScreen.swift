public import FlywheelCore
public import Foundation

/// The delivery worker's last look at a claimed batch before sending (docs/messaging.md, "Withdrawn before
/// delivery"): which messages the customer may no longer receive, because they unsubscribed, revoked consent
/// or their address was suppressed after the message was queued. Withdrawn messages are not sent; they end
/// `withdrawn` in the outbox.
///
/// An implementation reads what it needs for the whole batch at once (not per message). A thrown error
/// leaves the batch unsent under its lease, so it is claimed and checked again later: nothing goes out that
/// could not be checked.
public protocol OutboxScreen: Sendable {
    /// The messages of `batch` that must not go out, by id, each with the reason.
    func withdrawals(from batch: [OutboxMessage], now: Date) async throws -> [String: String]
    /// Told the messages whose withdrawal the store recorded (for the customers' timelines).
    func recordWithdrawals(_ withdrawn: [OutboxWithdrawal], now: Date) async
}

/// A claimed message the screen withdrew, and why.
public struct OutboxWithdrawal: Sendable, Hashable {
    public var message: OutboxMessage
    public var reason: String

    /// A withdrawal.
    public init(message: OutboxMessage, reason: String) {
        self.message = message
        self.reason = reason
    }
}
