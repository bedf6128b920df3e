public import FlywheelCore
public import Foundation

/// The outbox's delivery worker: claims due messages, sends e-mail through `SMTPClient` and SMS through
/// `SMSGateway`, and records each outcome — sent with the provider's id, retried later with backoff and
/// jitter, or dead (permanent failure, or out of attempts). Hard bounces go to `onBounce`.
///
/// A batch's e-mails are sent at once on the client's one connection, pipelined (`SMTPClient` keeps it
/// open between batches and reconnects when the server closed it; `run()` closes it when idle). Outcomes
/// are written in one store call per batch. Delivery is at-least-once: a worker that dies after sending
/// and before recording leaves the message `sending` until its lease ends; then another worker sends it
/// again, with the same Message-ID and `X-Flywheel-Message-Key`.
public final class OutboxDelivery: Sendable {
    private let store: any OutboxStore
    private let smtp: SMTPClient?
    private let sms: SMSGateway?
    private let configuration: OutboxDeliveryConfiguration
    private let onBounce: @Sendable (OutboxBounce) async -> Void
    private let screen: (any OutboxScreen)?
    private let onError: @Sendable (any Error) async -> Void
    private let random: @Sendable () -> Double
    /// The channels it has a transport for, the only ones it claims.
    private let channels: Set<OutboxChannel>

    /// A worker over `store`. It claims only the channels it has a transport for (`smtp`, `sms`): messages of
    /// the others stay queued for a worker that has one, or until one is configured. `onError` hears store failures of `run()`, which carries on after them;
    /// `random` (0 ..< 1) draws the retry jitter. `screen`, when given, looks at each claimed batch before it is
    /// sent and withdraws what the customer may no longer receive.
    public init(
        store: any OutboxStore, smtp: SMTPClient?, sms: SMSGateway?, configuration: OutboxDeliveryConfiguration,
        screen: (any OutboxScreen)? = nil,
        onBounce: @escaping @Sendable (OutboxBounce) async -> Void = { _ in },
        onError: @escaping @Sendable (any Error) async -> Void = { _ in },
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.store = store
        self.smtp = smtp
        self.sms = sms
        self.configuration = configuration
        self.onBounce = onBounce
        self.screen = screen
        self.onError = onError
        self.random = random
        var channels: Set<OutboxChannel> = []
        if smtp != nil { channels.insert(.email) }
        if sms != nil { channels.insert(.sms) }
        self.channels = channels
    }

    /// Claims one batch of messages due at `now`, screens it (when a screen is given), sends the rest and records
    /// the outcomes.
    /// - Throws: the store's and the screen's errors (a failed send is an outcome, not an error); a batch whose
    ///   screening failed is not sent and is claimed again after its lease.
    @discardableResult
    public func deliverDue(now: Date) async throws -> OutboxBatchReport {
        let claimed = try await store.claimOutbox(
            owner: configuration.workerID, limit: configuration.batchSize, now: now,
            leaseUntil: now + configuration.lease, channels: channels)
        var report = OutboxBatchReport()
        report.claimed = claimed.count
        guard !claimed.isEmpty else { return report }
        let withdrawals = try await screen?.withdrawals(from: claimed, now: now) ?? [:]
        let attempts = await withTaskGroup(of: (OutboxOutcome, OutboxBounce?).self) { group in
            for message in claimed {
                if let reason = withdrawals[message.id] {
                    let outcome = OutboxOutcome(id: message.id, attempt: message.attempts, result: .withdrawn(reason: reason))
                    group.addTask { (outcome, nil) }
                    continue
                }
                group.addTask { await self.attempt(message, now: now) }
            }
            var attempts: [(OutboxOutcome, OutboxBounce?)] = []
            attempts.reserveCapacity(claimed.count)
            for await attempt in group { attempts.append(attempt) }
            return attempts
        }
        let applied = try await store.recordOutboxOutcomes(attempts.map(\.0), owner: configuration.workerID, now: now)
        report.superseded = attempts.count - applied
        if let screen, !withdrawals.isEmpty {
            let withdrawn = claimed.compactMap { message in
                withdrawals[message.id].map { OutboxWithdrawal(message: message, reason: $0) }
            }
            await screen.recordWithdrawals(withdrawn, now: now)
        }
        for (outcome, bounce) in attempts {
            switch outcome.result {
            case .sent: report.sent += 1
            case .retry: report.retried += 1
            case .dead: report.dead += 1
            case .withdrawn: report.withdrawn += 1
            }
            if let bounce {
                report.bounces.append(bounce)
                await onBounce(bounce)
            }
        }
        return report
    }

    /// Delivers until the task is cancelled or `shouldStop` says so: a batch after another while messages are
    /// due, else a pause of `pollInterval` (the SMTP connection is closed while idle). `shouldStop` is asked
    /// between batches and during the pause, so a graceful stop lets the batch in flight finish and record its
    /// outcomes (cancelling the task instead cuts it short: its messages are sent again after the lease).
    /// Store failures go to `onError` and are tried again after the pause. `now` is the clock (injectable for
    /// tests).
    public func run(now: @escaping @Sendable () -> Date = Date.init, shouldStop: @escaping @Sendable () -> Bool = { false })
        async
    {
        while !Task.isCancelled && !shouldStop() {
            var claimedFullBatch = false
            do {
                let report = try await deliverDue(now: now())
                claimedFullBatch = report.claimed == configuration.batchSize
                if report.claimed == 0 { await smtp?.shutdown() }
            } catch {
                await onError(error)
            }
            if claimedFullBatch { continue }
            // The pause, in slices short enough that a stop is noticed at once.
            let slice = min(configuration.pollInterval, .milliseconds(50))
            let end = ContinuousClock.now + configuration.pollInterval
            while ContinuousClock.now < end && !shouldStop() {
                do {
                    try await Task.sleep(for: slice)
                } catch {
                    break
                }
            }
        }
        await smtp?.shutdown()
    }

    /// Sends one claimed message and says what became of it. Never throws: a failure is an outcome.
    func attempt(_ message: OutboxMessage, now: Date) async -> (OutboxOutcome, OutboxBounce?) {
        let failure: OutboxFailure
        do {
            let providerID = try await send(message)
            return (OutboxOutcome(id: message.id, attempt: message.attempts, result: .sent(providerMessageID: providerID)), nil)
        } catch let error as SMTPError {
            failure = OutboxFailure(error)
        } catch let error as SMSError {
            failure = OutboxFailure(error)
        } catch let error as OutboxFailure {
            failure = error
        } catch {
            failure = OutboxFailure(other: error)
        }
        if !failure.isPermanent,
            let next = configuration.retry.nextAttempt(afterAttempt: message.attempts, now: now, unit: random())
        {
            return (OutboxOutcome(id: message.id, attempt: message.attempts, result: .retry(at: next, error: failure.reason)), nil)
        }
        let reason =
            failure.isPermanent ? failure.reason : "gave up after \(message.attempts) attempts: \(failure.reason)"
        let bounce =
            failure.isHardBounce
            ? OutboxBounce(
                messageID: message.id, customerID: message.customerID, channel: message.channel,
                recipient: message.recipient, reason: failure.reason)
            : nil
        return (OutboxOutcome(id: message.id, attempt: message.attempts, result: .dead(error: reason)), bounce)
    }

    /// Sends a message over its channel; returns the provider's id for it.
    func send(_ message: OutboxMessage) async throws -> String? {
        switch message.channel {
        case .email:
            guard let smtp else { throw OutboxFailure(reason: "no SMTP server is configured", isPermanent: true) }
            let receipt = try await smtp.send(SMTPEnvelope(mailMessage(for: message)))
            return receipt.reply.text
        case .sms:
            guard let sms else { throw OutboxFailure(reason: "no SMS gateway is configured", isPermanent: true) }
            let receipt = try await sms.send(
                SMSMessage(to: message.recipient, text: message.content.text, messageKey: message.idempotencyKey))
            return Self.providerID(fromGatewayAnswer: receipt.body)
        }
    }

    /// The e-mail of a message, the same on every attempt: Date is the time it was queued, the Message-ID
    /// derives from the idempotency key, which also goes in `X-Flywheel-Message-Key`.
    public func mailMessage(for message: OutboxMessage) -> MailMessage {
        MailMessage(
            from: configuration.from, to: [MailAddress(message.recipient)], subject: message.content.subject ?? "",
            text: message.content.text, html: message.content.html, date: message.createdAt,
            messageID: OutboxMessageID.make(idempotencyKey: message.idempotencyKey, domain: configuration.messageIDDomain),
            messageKey: message.idempotencyKey, bounceAddress: configuration.bounceAddress,
            additionalHeaders: message.content.headers.map { (name: $0.name, value: $0.value) })
    }

    /// The gateway's id for an SMS: the `id`/`message_id`/`messageId`/`reference` field of a JSON answer,
    /// else the answer's first 200 characters; `nil` for an empty answer.
    static func providerID(fromGatewayAnswer body: String) -> String? {
        let trimmed = body.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        if let object = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) as? [String: Any] {
            for key in ["id", "message_id", "messageId", "reference"] {
                if let value = object[key] as? String { return value }
                if let value = object[key] as? Int { return String(value) }
            }
        }
        return String(trimmed.prefix(200))
    }
}
