public import Foundation

extension ScheduledTriggerSweep {
    /// The `tier_changed` events of `moves` due at `now`: a move within `catchUp` before now (a missed run
    /// catches up; moves long past — the history replayed on the first start — trigger nothing), in the
    /// moves' order.
    public func events(tierMoves moves: [TierMove], now: Date) -> [DetectedEvent] {
        moves.filter { $0.at <= now && now.timeIntervalSince($0.at) <= catchUp }.map(\.detected)
    }
}
