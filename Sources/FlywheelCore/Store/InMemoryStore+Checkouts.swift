extension InMemoryStore {
    public func checkout(externalID: String) async throws -> Checkout? { checkoutTable[externalID] }

    public func checkouts(customerExternalID: String) async throws -> [Checkout] {
        checkoutTable.values.filter { $0.customerExternalID == customerExternalID }.sorted {
            $0.createdAt != $1.createdAt ? $0.createdAt < $1.createdAt : KeyOrder.precedes($0.externalID, $1.externalID)
        }
    }

    public func openCheckouts(_ query: OpenCheckoutQuery) async throws -> Page<Checkout> {
        let matching = checkoutTable.values.filter { checkout in
            checkout.isOpen && checkout.updatedAt >= query.updatedFrom && checkout.updatedAt < query.updatedBefore
                && query.after.map { KeyOrder.precedes($0, checkout.externalID) } ?? true
        }
        return Page.cut(
            matching.sorted { KeyOrder.precedes($0.externalID, $1.externalID) }, limit: query.limit, key: \.externalID)
    }

    /// Deletes the checkouts of an erased customer: by customer id, and a guest's by the customer's address.
    func eraseCheckouts(customerExternalID: String, email: String?) {
        let address = email.map { SuppressionEntry.normalise($0, .email) }
        checkoutTable = checkoutTable.filter { _, checkout in
            if checkout.customerExternalID == customerExternalID { return false }
            if let address, let email = checkout.email, SuppressionEntry.normalise(email, .email) == address {
                return false
            }
            return true
        }
    }
}
