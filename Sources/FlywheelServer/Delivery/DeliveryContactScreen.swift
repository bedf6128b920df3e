public import FlywheelCore
import FlywheelFlows
public import FlywheelMessaging
public import Foundation
public import Logging

/// The server's `OutboxScreen`: before a claimed batch is sent, it reads the batch's customers and the
/// suppression entries of its addresses — one lookup for the customers and one per channel, whatever the
/// batch size — and withdraws what `DeliveryRecheck` says may no longer go out (consent revoked, address
/// suppressed, customer erased since the message was queued). Withdrawn flow messages get a `skipped` entry
/// on the customer's timeline ("… withdrawn before delivery: …").
public struct DeliveryContactScreen: OutboxScreen {
    private let store: any FlywheelStore
    private let logger: Logger

    /// A screen over `store`.
    public init(store: any FlywheelStore, logger: Logger) {
        self.store = store
        self.logger = logger
    }

    public func withdrawals(from batch: [OutboxMessage], now: Date) async throws -> [String: String] {
        guard !batch.isEmpty else { return [:] }
        let customers = try await store.customers(externalIDs: batch.map(\.customerID))
        let consents = Dictionary(customers.map { ($0.externalID, $0.consent ?? MarketingConsent()) }) { first, _ in first }
        var suppressed: [OutboxChannel: [String: SuppressionCause]] = [:]
        for channel in OutboxChannel.allCases {
            let hashes = batch.filter { $0.channel == channel }.map { Self.digest($0) }
            guard !hashes.isEmpty else { continue }
            let entries = try await store.suppressions(channel: Self.consentChannel(channel), addressHashes: hashes)
            suppressed[channel] = Dictionary(entries.map { ($0.addressHash, $0.cause) }) { first, _ in first }
        }
        var withdrawals: [String: String] = [:]
        for message in batch {
            let consent = consents[message.customerID]
            let cause = suppressed[message.channel]?[Self.digest(message)]
            let reason = DeliveryRecheck.withdrawal(
                // An unknown class is treated as the strictest.
                messageClass: MessageClass(rawValue: message.messageClass) ?? .marketing,
                channel: message.channel == .email ? .email : .sms, customerStored: consent != nil,
                consent: consent.map { message.channel == .email ? $0.email : $0.sms },
                suppression: cause.flatMap { SuppressionReason(rawValue: $0.rawValue) })
            if let reason { withdrawals[message.id] = reason }
        }
        return withdrawals
    }

    /// Flow messages: a `skipped` timeline entry keyed by the message's idempotency key, on the enrolment that
    /// sent it. Messages of no flow (an opt-in confirmation) are logged only.
    public func recordWithdrawals(_ withdrawn: [OutboxWithdrawal], now: Date) async {
        var entries: [TimelineEntry] = []
        for item in withdrawn {
            let message = item.message
            logger.notice("outbox delivery: message \(message.id) to customer \(message.customerID) \(item.reason)")
            do {
                if let entry = try await OutboxTimeline.entry(
                    .skipped, about: message, suffix: "withdrawn", detail: "not delivered: " + item.reason, at: now,
                    store: store)
                {
                    entries.append(entry)
                }
            } catch {
                logger.error("outbox delivery: the enrolment of withdrawn message \(message.id) could not be read: \(error)")
            }
        }
        guard !entries.isEmpty else { return }
        do {
            try await store.appendTimeline(entries)
        } catch {
            logger.error("outbox delivery: the timeline of \(entries.count) withdrawn messages could not be written: \(error)")
        }
    }

    private static func consentChannel(_ channel: OutboxChannel) -> ConsentChannel {
        channel == .email ? .email : .sms
    }

    private static func digest(_ message: OutboxMessage) -> String {
        AddressDigest.of(message.recipient, channel: consentChannel(message.channel))
    }
}
