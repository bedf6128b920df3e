public import FlywheelFlows
public import Foundation

/// Loads what the flow runner needs to know about customers (orders, consent, …) when their steps run.
public protocol CustomerFactsProvider: Sendable {
    /// Facts for each of these customers at `now`; a customer left out of the answer gets empty facts.
    func facts(for customerIDs: Set<String>, now: Date) async throws -> [String: CustomerFacts]
}
