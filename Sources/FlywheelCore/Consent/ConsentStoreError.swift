/// Errors of the consent records every engine throws alike. Messages name the customer id, never an address.
public struct ConsentStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Kind: Hashable, Sendable { case unknownCustomer, pseudonymTaken }
    private let kind: Kind
    private let customerID: String

    /// The change or erasure names a customer that is not stored.
    public static func unknownCustomer(_ id: String) -> ConsentStoreError {
        ConsentStoreError(kind: .unknownCustomer, customerID: id)
    }
    /// The erasure's pseudonym names a stored customer.
    public static func pseudonymTaken(_ id: String) -> ConsentStoreError {
        ConsentStoreError(kind: .pseudonymTaken, customerID: id)
    }

    public var description: String {
        switch kind {
        case .unknownCustomer: "no customer with the id \(customerID); send the customer first"
        case .pseudonymTaken: "the pseudonym \(customerID) is already a customer's id; choose another"
        }
    }
}
