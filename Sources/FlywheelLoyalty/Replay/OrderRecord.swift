import Foundation

/// What the replay keeps of an order for its refunds.
struct OrderRecord: Sendable {
    var customer: Int
    var placedAt: Date
    var totalMinor: Int64
    var qualifyingMinor: Int64
    var refundedMinor: Int64 = 0
    var qualifyingTaken: Int64 = 0
}
