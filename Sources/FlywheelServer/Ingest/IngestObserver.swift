public import FlywheelCore
public import Foundation

/// Something told about every batch the API or a webhook has stored: the dashboard's engine, the loyalty
/// programme. Called after `store.ingest` succeeded, with what it counted; an observer's failure never
/// undoes the stored batch (observers catch up on their own, see `LoyaltyService.catchUp`).
public protocol IngestObserver: Sendable {
    /// `batch` was stored at `now`; `counts` says what changed.
    func stored(_ batch: IngestBatch, counts: IngestCounts, now: Date) async
}

extension [any IngestObserver] {
    /// Tells every observer, in order.
    func stored(_ batch: IngestBatch, counts: IngestCounts, now: Date) async {
        for observer in self { await observer.stored(batch, counts: counts, now: now) }
    }
}
