import Foundation

/// When several flows want to send marketing to the same customer within a window, picks the most
/// valuable message instead of sending all or dropping at random.
///
/// Per customer, marketing candidates are ranked by flow priority, then expected value, then the earlier
/// message, then flow id (so the result never depends on input order). Going down the ranking, a message
/// is sent unless one already chosen lies within `window` of it; then it is held back naming the winner.
/// Transactional and service messages never compete and are always passed through.
public struct MessageArbiter: Hashable, Sendable {
    public var window: FlowDuration

    public init(window: FlowDuration) { self.window = window }

    /// One verdict per candidate, in the candidates' order.
    public func arbitrate(_ candidates: [OutgoingMessage]) -> [ArbiterVerdict] {
        var verdicts = candidates.map(ArbiterVerdict.send)
        var marketingByCustomer: [String: [Int]] = [:]
        for (index, message) in candidates.enumerated() where message.messageClass == .marketing {
            marketingByCustomer[message.customerID, default: []].append(index)
        }
        let span = TimeInterval(window.seconds)
        for indices in marketingByCustomer.values where indices.count > 1 {
            let ranked = indices.sorted { MessageArbiter.ranksBefore(candidates[$0], candidates[$1]) }
            var chosen: [OutgoingMessage] = []
            for index in ranked {
                let message = candidates[index]
                if let winner = chosen.first(where: { abs($0.createdAt.timeIntervalSince(message.createdAt)) < span }) {
                    verdicts[index] = .heldBack(message, .heldBack(byFlow: winner.flowID))
                } else {
                    chosen.append(message)
                }
            }
        }
        return verdicts
    }

    static func ranksBefore(_ a: OutgoingMessage, _ b: OutgoingMessage) -> Bool {
        if a.priority != b.priority { return a.priority > b.priority }
        if a.expectedValueMinor != b.expectedValueMinor { return a.expectedValueMinor > b.expectedValueMinor }
        if a.createdAt != b.createdAt { return a.createdAt < b.createdAt }
        if a.flowID != b.flowID { return a.flowID < b.flowID }
        return a.idempotencyKey < b.idempotencyKey
    }
}
