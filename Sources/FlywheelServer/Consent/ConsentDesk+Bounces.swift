public import FlywheelCore
public import Foundation

extension ConsentDesk {
    /// Records a hard bounce (the mail server said the address does not exist): the address goes on the
    /// suppression list as `hard_bounce` (it blocks every message class), and when it is still the customer's
    /// address, their consent on that channel becomes `revoked` with source `bounce` in the history, in the same
    /// transaction — a consent proven for an address that does not exist is void, and a new address needs a new
    /// opt-in. An address the customer no longer has (or of an erased customer) is only suppressed.
    public func recordBounce(customerID: String, channel: ConsentChannel, address: String, now: Date) async throws {
        let entry = AddressDigest.entry(address, channel: channel, cause: .hardBounce, source: .bounce, at: now)
        if let customer = try await store.customer(externalID: customerID),
            let current = Self.address(of: customer, channel),
            SuppressionEntry.normalise(current, channel) == SuppressionEntry.normalise(address, channel)
        {
            let change = ConsentChange(
                customerExternalID: customerID, channel: channel, state: .revoked, source: .bounce, changedAt: now)
            _ = try await store.recordConsentChange(change, suppression: .add(entry))
        } else {
            try await store.suppress(entry)
        }
    }
}
