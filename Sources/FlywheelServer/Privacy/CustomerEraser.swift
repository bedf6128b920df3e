public import FlywheelCore
public import Foundation

/// Erases one customer (GDPR Art. 17): the store removes the personal data and keeps the orders under a
/// random pseudonym (`erased-` and 16 hex digits, not derived from anything about the customer), in one
/// transaction; the e-mail address goes on the suppression list as `erased`, kept only as its digest
/// (`AddressDigest`). Served by `DELETE /api/v1/customers/{id}` and `flywheel customer erase`.
public struct CustomerEraser: Sendable {
    public let store: any FlywheelStore

    public init(store: any FlywheelStore) {
        self.store = store
    }

    /// Erases the customer; `nil` when no customer has this id.
    public func erase(customerID: String, now: Date) async throws -> CustomerErasure? {
        guard let customer = try await store.customer(externalID: customerID) else { return nil }
        let suppressions = customer.email.map {
            [AddressDigest.entry($0, channel: .email, cause: .erased, source: .erasure, at: now)]
        } ?? []
        let erasure = CustomerErasure(
            customerExternalID: customerID, pseudonym: Self.pseudonym(), suppressions: suppressions, erasedAt: now)
        try await store.eraseCustomer(erasure)
        return erasure
    }

    static func pseudonym() -> String {
        var generator = SystemRandomNumberGenerator()
        return "erased-" + String(format: "%016llx", generator.next() as UInt64)
    }
}
