import FlywheelCore
import Foundation

@testable import FlywheelFlows

/// Shared helpers: instants, zones, small flows, facts and the policy used across the suites.
enum FlowsTestSupport {
    static let berlin = TimeZone(identifier: "Europe/Berlin")!
    static let newYork = TimeZone(identifier: "America/New_York")!
    static let utc = TimeZone(identifier: "UTC")!

    /// A UTC instant.
    static func utcInstant(_ y: Int, _ mo: Int, _ d: Int, _ h: Int = 0, _ mi: Int = 0) -> Date {
        ShopCalendar(timeZone: utc).instant(
            localDate: CivilDate(year: y, month: mo, day: d)!, secondsOfDay: h * 3600 + mi * 60)
    }

    /// A Berlin wall-clock instant.
    static func berlinInstant(_ y: Int, _ mo: Int, _ d: Int, _ h: Int = 0, _ mi: Int = 0) -> Date {
        ShopCalendar(timeZone: berlin).instant(
            localDate: CivilDate(year: y, month: mo, day: d)!, secondsOfDay: h * 3600 + mi * 60)
    }

    /// No caps, no quiet hours, no smart sending: only consent and suppression apply.
    static let permissive = ContactPolicy(shopTimeZone: berlin)

    /// Facts of a German customer who confirmed marketing e-mail.
    static func consenting(_ change: (inout CustomerFacts) -> Void = { _ in }) -> CustomerFacts {
        var facts = CustomerFacts(
            locale: .de, timeZone: berlin, orderCount: 1, totalSpentMinor: 5_000,
            contact: ContactFacts(hasEmail: true, emailConsent: .granted))
        change(&facts)
        return facts
    }

    static func email(_ template: String, class messageClass: MessageClass? = nil, feedback: Bool = false) -> StepKind {
        .send(
            MessageSpec(
                channel: .email, template: template, subject: ["de": "Betreff", "en": "Subject"],
                messageClass: messageClass, asksForFeedback: feedback, ownSimilarGoods: true))
    }

    static func flow(
        id: String = "test_flow", version: Int = 1, messageClass: MessageClass = .marketing,
        trigger: EventPattern = EventPattern(event: .orderDelivered), reentry: ReentryRule = .notWhileActive,
        holdoutPercent: Double = 0, winBack: Bool = false, steps: [FlowStep], goals: [EventPattern] = []
    ) -> FlowDefinition {
        FlowDefinition(
            id: id, name: "Test flow", version: version, messageClass: messageClass, trigger: trigger,
            reentry: reentry, holdoutPercent: holdoutPercent, winBack: winBack, steps: steps, goals: goals)
    }

    static func program(_ definition: FlowDefinition) throws -> FlowProgram {
        try FlowProgram(definition)
    }

    static func delivered(_ customer: String = "c1", order: String = "o1", at: Date) -> FlowEvent {
        FlowEvent(customerID: customer, occurredAt: at, trigger: .orderDelivered(orderID: order))
    }

    static func placed(_ customer: String = "c1", order: String, number: Int, at: Date) -> FlowEvent {
        FlowEvent(
            customerID: customer, occurredAt: at,
            trigger: .orderPlaced(orderID: order, number: number, total: Money(minorUnits: 4_990, currency: .eur)))
    }

    static func sends(_ actions: [FlowAction]) -> [OutgoingMessage] {
        actions.compactMap {
            if case .send(let message) = $0 { return message }
            return nil
        }
    }

    static func schedules(_ actions: [FlowAction]) -> [Date] {
        actions.compactMap {
            if case .schedule(let at, _) = $0 { return at }
            return nil
        }
    }

    static func skips(_ actions: [FlowAction]) -> [SkipReason] {
        actions.compactMap {
            if case .skip(_, let reason) = $0 { return reason }
            return nil
        }
    }

    static func exits(_ actions: [FlowAction]) -> [ExitReason] {
        actions.compactMap {
            if case .exit(let reason) = $0 { return reason }
            return nil
        }
    }

    /// The repository's `examples/flows` folder (two levels above this file's folder).
    static var examplesFolder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("examples/flows")
    }

    /// The template ids docs/flows.md promises the messaging side, in both locales.
    static let libraryTemplates: [String] = [
        "order_confirmation", "delivery_check_in", "make_it_right_ack", "review_request", "review_reminder",
        "replenishment_reminder", "complete_the_set", "win_back_early_access", "win_back_bonus_points",
        "win_back_discount", "win_back_reminder", "win_back_last_call", "vip_welcome", "birthday",
        "first_order_anniversary", "cart_reminder", "cart_reminder_offer", "loyalty_launch",
        "points_expiry_reminder", "points_expiry_final",
    ]

    static var libraryCatalogue: TemplateCatalogue {
        var catalogue = TemplateCatalogue()
        for template in libraryTemplates { catalogue.add(template, channel: .email) }
        return catalogue
    }
}
