import Foundation

/// A source event as applied, with what a restored ledger needs of it beyond its entries: the order a refund
/// or release refers to, the redemption a hand-back gives back, a refund's running totals and shortfall.
struct SourceApplication: Hashable, Sendable {
    var source: SourceEvent
    var at: Date
    var reference: String?
    var releasesLot: LotID?
    var refundedMinor: Int64?
    var accountedPoints: Int64?
    var shortfall: Int64 = 0
}
