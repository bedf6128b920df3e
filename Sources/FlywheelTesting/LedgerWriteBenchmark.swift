public import FlywheelCore
import FlywheelLoyalty
import Foundation

/// Ledger writes per second through the store: each write awards an order's points to a customer in a
/// transaction of its own (`withPointsLedger`: lock, read the customer's ledger, decide, insert source, lot
/// and entry, upsert the balance, commit). Orders are spread over `customers` so every ledger stays small,
/// as a shop's are; `clients` tasks write at once, each through the next store in turn.
public enum LedgerWriteBenchmark {
    /// Writes `awards` awards and returns awards per second (wall time). Throws if any award did not apply.
    public static func run(
        on stores: [any FlywheelStore], awards: Int, customers: Int, clients: Int, prefix: String = "bench"
    ) async throws -> Double {
        precondition(!stores.isEmpty && clients > 0)
        let start = ContinuousClock.now
        let applied = try await withThrowingTaskGroup(of: Int.self) { group in
            for client in 0..<clients {
                let store = stores[client % stores.count]
                group.addTask {
                    var count = 0
                    for index in stride(from: client, to: awards, by: clients) {
                        let customer = "\(prefix)-customer-\(index % customers)"
                        let outcome = try await store.withPointsLedger(customer: customer) {
                            $0.earn(
                                customer: customer, points: 10 + Int64(index % 90),
                                source: SourceEvent(.order, key: "\(prefix)-order-\(index)"), reason: "order",
                                at: Date(timeIntervalSince1970: 1_704_067_200 + Double(index)),
                                expiresAt: Date(timeIntervalSince1970: 1_735_689_600),
                                orderAmount: Money(minorUnits: 1_000 + Int64(index % 9_000), currency: .eur))
                        }
                        count += outcome.entries.count
                    }
                    return count
                }
            }
            return try await group.reduce(0, +)
        }
        let elapsed = ContinuousClock.now - start
        guard applied == awards else { throw Incomplete(applied: applied, expected: awards) }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Double(awards) / seconds
    }

    /// Fewer awards applied than written.
    public struct Incomplete: Error, CustomStringConvertible {
        let applied: Int
        let expected: Int
        public var description: String { "only \(applied) of \(expected) awards applied" }
    }
}
