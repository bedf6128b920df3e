public import Foundation

/// A customer's past entries, which the re-entry rules need: per flow id the last entry time and whether an
/// enrolment is still running. The caller loads it from the enrolment rows.
public struct EntryHistory: Hashable, Sendable {
    public var lastEntry: [String: Date]
    public var active: Set<String>

    public init(lastEntry: [String: Date] = [:], active: Set<String> = []) {
        self.lastEntry = lastEntry
        self.active = active
    }
}
