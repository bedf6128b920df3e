public import FlywheelCore
import FlywheelMessaging
public import Foundation
public import Logging
public import ServiceLifecycle
import Synchronization

/// The outbox's delivery in `flywheel serve`: `DeliveryConfiguration.workers` `OutboxDelivery` workers over
/// the store, sharing one SMTP connection (pipelined) and the SMS gateway. Hard bounces put the address on
/// the suppression list (`ConsentDesk.recordBounce`); store errors are logged and retried by the workers.
/// Each claimed batch is screened first (`DeliveryContactScreen` over the desk's store): what the customer may
/// no longer receive is withdrawn, not sent.
///
/// Graceful shutdown (SIGTERM) lets each worker finish the batch in flight — its messages sent and their
/// outcomes recorded — before the service returns; the workers run in a task of their own, so the shutdown
/// never cuts a batch between sending and recording (which would send it again after the lease).
public struct OutboxDeliveryService: Service {
    private let workers: [OutboxDelivery]
    private let now: @Sendable () -> Date
    private let logger: Logger

    /// The service for `configuration` over `store`; `desk` records bounces. Throws `SMSError` for an SMS
    /// body template that does not parse.
    public init(
        store: any OutboxStore, configuration: DeliveryConfiguration, desk: ConsentDesk, logger: Logger,
        now: @escaping @Sendable () -> Date = Date.init
    ) throws {
        let from = configuration.mailFrom ?? MailAddress("postmaster@localhost")
        let smtp = configuration.sendsMail
            ? configuration.smtp.map { SMTPClient(configuration: $0.configuration(clientName: from.domain)) } : nil
        let sms = try configuration.smsGateway.map { try SMSGateway(configuration: $0) }
        let instance = UUID().uuidString.lowercased().prefix(8)
        let screen = DeliveryContactScreen(store: desk.store, logger: logger)
        self.workers = (0..<configuration.workers).map { index in
            OutboxDelivery(
                store: store, smtp: smtp, sms: sms,
                configuration: OutboxDeliveryConfiguration(
                    from: from, bounceAddress: configuration.bounceAddress, messageIDDomain: from.domain,
                    workerID: "serve-\(instance)-\(index)", batchSize: configuration.batchSize,
                    retry: configuration.retry, pollInterval: configuration.pollInterval),
                screen: screen,
                onBounce: { bounce in
                    await Self.suppress(bounce, desk: desk, logger: logger, now: now)
                },
                onError: { error in
                    logger.error("outbox delivery: \(error)")
                })
        }
        self.now = now
        self.logger = logger
    }

    public func run() async throws {
        guard !workers.isEmpty else {
            // A service that returns early would end the application's service group: wait for the shutdown.
            try? await gracefulShutdown()
            return
        }
        let stop = StopFlag()
        let workers = self.workers
        let now = self.now
        // Not a child task: cancelling the service (a second signal) stops the loops between batches too,
        // rather than in the middle of one.
        let running = Task {
            await withTaskGroup(of: Void.self) { group in
                for worker in workers {
                    group.addTask { await worker.run(now: now, shouldStop: { stop.isSet }) }
                }
            }
        }
        await withGracefulShutdownHandler {
            await withTaskCancellationHandler {
                await running.value
            } onCancel: {
                stop.set()
            }
        } onGracefulShutdown: {
            stop.set()
        }
        logger.debug("outbox delivery stopped")
    }

    /// A hard bounce: the address suppressed (and the consent revoked when it is the customer's current one).
    static func suppress(_ bounce: OutboxBounce, desk: ConsentDesk, logger: Logger, now: @Sendable () -> Date) async {
        let channel: ConsentChannel = bounce.channel == .email ? .email : .sms
        do {
            try await desk.recordBounce(customerID: bounce.customerID, channel: channel, address: bounce.recipient, now: now())
            logger.notice("outbox delivery: message \(bounce.messageID) bounced; the address of customer \(bounce.customerID) is suppressed")
        } catch {
            logger.error("outbox delivery: the bounce of message \(bounce.messageID) could not be recorded: \(error)")
        }
    }
}

/// A flag set once, read from any task.
private final class StopFlag: Sendable {
    private let flag = Atomic<Bool>(false)
    var isSet: Bool { flag.load(ordering: .acquiring) }
    func set() { flag.store(true, ordering: .releasing) }
}
