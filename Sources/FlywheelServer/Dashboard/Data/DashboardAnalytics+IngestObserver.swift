public import FlywheelCore
public import Foundation

extension DashboardAnalytics: IngestObserver {
    /// Applies a stored batch to the engine when it changed what the analytics see.
    public func stored(_ batch: IngestBatch, counts: IngestCounts, now: Date) async {
        if counts.changedAnalytics { apply(batch, now: now) }
    }
}
