public import Foundation

/// One page of a customer's timeline, newest first, and where the next (older) page starts.
public struct TimelinePage: Hashable, Sendable {
    public var entries: [TimelineEntry]
    /// Pass as `before` for the next page; `nil` on the last page.
    public var next: TimelineCursor?

    public init(entries: [TimelineEntry], next: TimelineCursor?) {
        self.entries = entries
        self.next = next
    }

    /// Cuts a page from entries sorted newest first and already past the cursor: engines fetch `limit + 1`.
    public static func cut(_ sorted: [TimelineEntry], limit: Int) -> TimelinePage {
        guard sorted.count > limit else { return TimelinePage(entries: sorted, next: nil) }
        let entries = Array(sorted.prefix(limit))
        return TimelinePage(entries: entries, next: entries.last.map { TimelineCursor(at: $0.at, sequence: $0.sequence) })
    }
}

/// A position in a timeline: entries strictly older than (`at`, `sequence`) come after it.
public struct TimelineCursor: Hashable, Sendable {
    public var at: Date
    public var sequence: Int64

    public init(at: Date, sequence: Int64) {
        self.at = at
        self.sequence = sequence
    }

    /// Whether `entry` lies after (older than) this cursor in newest-first order.
    public func precedes(_ entry: TimelineEntry) -> Bool {
        entry.at < at || (entry.at == at && entry.sequence < sequence)
    }
}
