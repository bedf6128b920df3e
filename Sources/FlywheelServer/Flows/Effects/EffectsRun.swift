import FlywheelCore

/// The state of one `perform` call: what happened so far, the timeline entries to write at the end, and the
/// records read once per customer.
struct EffectsRun {
    var report = FlowEffectsReport()
    var timeline: [TimelineEntry] = []
    /// Customers read in this batch (`nil`: not stored).
    var customers: [String: Customer?] = [:]
}
