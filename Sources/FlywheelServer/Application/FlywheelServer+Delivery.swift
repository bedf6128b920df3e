import FlywheelCore
import FlywheelMessaging
import Foundation
import Logging
import ServiceLifecycle

extension FlywheelServer {
    /// The outbox's side of `buildApplication` (docs/messaging.md, "In the server"): logs where mail and SMS go
    /// (or that they stay queued), adds the delivery service when a transport is configured, and returns the
    /// confirmation sender to use — the given one, else with mail configured one that queues double opt-in
    /// confirmations in the outbox.
    static func deliveryServices(
        store: any FlywheelStore, configuration: ServerConfiguration, settings: ShopSettings,
        templates: MessageTemplates, logger: Logger, confirmations: (any ConfirmationSender)?,
        now: @escaping @Sendable () -> Date, services: inout [any Service]
    ) throws -> (any ConfirmationSender)? {
        let delivery = configuration.delivery
        for line in delivery.startupSummary { logger.log(level: line.level, "\(line.text)") }
        guard delivery.sendsMail || delivery.smsGateway != nil, delivery.workers > 0 || delivery.sendsMail else {
            return confirmations
        }
        guard let outbox = store as? any OutboxStore else {
            logger.error("the store has no outbox: nothing is delivered")
            return confirmations
        }
        let links = CustomerLinkURLs(signer: configuration.linkSigner, baseURL: configuration.baseURL)
        if delivery.workers > 0 {
            services.append(
                try OutboxDeliveryService(
                    store: outbox, configuration: delivery, desk: ConsentDesk(store: store, links: links, confirmations: nil),
                    logger: logger, now: now))
        }
        guard confirmations == nil, delivery.sendsMail, let from = delivery.mailFrom else { return confirmations }
        let shop = MessageContext.Shop(
            name: settings.name, url: configuration.publicURL?.absoluteString ?? "", supportEmail: from.address)
        return OutboxConfirmationSender(store: outbox, templates: templates, shop: shop, settings: settings, now: now)
    }
}
