import FlywheelCore
import FlywheelMessaging
import Foundation

/// The state of one `perform` call: what happened so far, the timeline entries to write at the end, the
/// records read once per customer, and the messages to enqueue together at the end.
struct EffectsRun {
    var report = FlowEffectsReport()
    var timeline: [TimelineEntry] = []
    /// Customers read in this batch (`nil`: not stored).
    var customers: [String: Customer?] = [:]
    /// The batch's send keys already in the outbox when it began (found with one lookup).
    var queuedKeys: Set<String> = []
    /// Messages prepared for the batch's one enqueue (`ServerFlowEffects.enqueuePendingSends`).
    var pendingSends: [PendingSend] = []

    /// A message ready to render and enqueue, with what a skip needs for its timeline entry.
    struct PendingSend {
        let send: OutboxSend
        let scope: EnrolmentScope
        let at: Date
    }
}
