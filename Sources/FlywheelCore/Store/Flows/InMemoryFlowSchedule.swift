import Foundation

/// The in-memory engine's flow schedule tables: enrolment rows by id, their entry keys, and the timeline.
struct InMemoryFlowSchedule: Sendable {
    var enrolments: [String: StoredEnrolment] = [:]
    /// Insertion order of the enrolments (their "row id").
    var order: [String: Int] = [:]
    var entryKeys: Set<String> = []
    var timeline: [TimelineEntry] = []
    var timelineKeys: Set<String> = []
}
