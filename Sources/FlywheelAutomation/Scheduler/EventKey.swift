public import FlywheelFlows
import Foundation

/// A stable key for an event, for the entry key `flow/customer/event`: the same event delivered twice (a
/// replayed webhook) gives the same key, so it enters each flow once.
///
/// The key is the event kind, the record it is about (order, review, answer, cart, SKU, campaign …) when it
/// names one, and the instant in milliseconds. Callers that have a better id (a webhook's delivery id) pass
/// it to `FlowScheduler.enter(_:key:now:)` instead.
public enum EventKey {
    public static func of(_ event: FlowEvent) -> String {
        let trigger = event.trigger
        let millis = Int64((event.occurredAt.timeIntervalSince1970 * 1000).rounded())
        return trigger.kind.rawValue + ":" + (subject(of: trigger) ?? "") + "@" + String(millis)
    }

    private static func subject(of trigger: TriggerEvent) -> String? {
        switch trigger {
        case .reviewLeft(let review, _): review
        case .surveyAnswered(let answer, _, _): answer
        case .cartAbandoned(let cart, _): cart
        case .replenishmentDue(let sku): sku
        case .segmentSend(let segment, let campaign): segment + "/" + campaign
        case .tierChanged(_, let to): to
        case .messageAnswered(let order, let answer): (order ?? "") + "=" + answer
        default: trigger.orderID
        }
    }
}
