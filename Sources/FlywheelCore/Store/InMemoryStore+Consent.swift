import Foundation

extension InMemoryStore {
    /// The suppression list's key: channel and address digest.
    struct SuppressionKey: Hashable, Sendable {
        var channel: ConsentChannel
        var addressHash: String
    }

    public func recordConsentChange(_ change: ConsentChange, suppression: SuppressionUpdate?) async throws
        -> ConsentChangeOutcome
    {
        guard var customer = customers[change.customerExternalID] else {
            throw ConsentStoreError.unknownCustomer(change.customerExternalID)
        }
        consentLog.append(change)
        switch suppression {
        case .add(let entry): _ = addSuppression(entry)
        case .liftUnsubscribe(let channel, let hash) where (customer.consent ?? MarketingConsent()).applying(change) != nil:
            let key = SuppressionKey(channel: channel, addressHash: hash)
            if suppressionTable[key]?.cause == .unsubscribed { suppressionTable[key] = nil }
        case .liftUnsubscribe, nil: break
        }
        let current = customer.consent ?? MarketingConsent()
        guard let updated = current.applying(change) else { return .superseded(current) }
        customer.consent = updated
        customers[change.customerExternalID] = customer
        return .applied(updated)
    }

    public func consentHistory(customerExternalID: String) async throws -> [ConsentChange] {
        // A stable sort keeps the recording order among equal times.
        consentLog.filter { $0.customerExternalID == customerExternalID }.enumerated()
            .sorted { ($0.element.changedAt, $0.offset) < ($1.element.changedAt, $1.offset) }.map(\.element)
    }

    @discardableResult
    public func suppress(_ entry: SuppressionEntry) async throws -> SuppressionEntry { addSuppression(entry) }

    public func suppression(channel: ConsentChannel, addressHash: String) async throws -> SuppressionEntry? {
        suppressionTable[SuppressionKey(channel: channel, addressHash: addressHash)]
    }

    public func suppressions() async throws -> [SuppressionEntry] {
        suppressionTable.values.sorted { ($0.channel.rawValue, $0.addressHash) < ($1.channel.rawValue, $1.addressHash) }
    }

    public func suppressions(channel: ConsentChannel, addressHashes: [String]) async throws -> [SuppressionEntry] {
        Set(addressHashes).sorted().compactMap { suppressionTable[SuppressionKey(channel: channel, addressHash: $0)] }
    }

    public func customers(externalIDs: [String]) async throws -> [Customer] {
        Set(externalIDs).sorted().compactMap { customers[$0] }
    }

    public func eraseCustomer(_ erasure: CustomerErasure) async throws {
        let id = erasure.customerExternalID
        guard let stored = customers[id] else { throw ConsentStoreError.unknownCustomer(id) }
        guard customers[erasure.pseudonym] == nil, ledgers[erasure.pseudonym] == nil else {
            throw ConsentStoreError.pseudonymTaken(erasure.pseudonym)
        }
        customers[id] = nil
        customers[erasure.pseudonym] = Customer(externalID: erasure.pseudonym, createdAt: stored.createdAt)
        for (key, var order) in orders where order.customerExternalID == id {
            order.customerExternalID = erasure.pseudonym
            orders[key] = order
        }
        let orderIDs = Set(orders.values.filter { $0.customerExternalID == erasure.pseudonym }.map(\.externalID))
        for (key, var shipment) in shipments where orderIDs.contains(shipment.orderExternalID) {
            shipment.trackingNumber = nil
            shipments[key] = shipment
        }
        for (key, var request) in returns where orderIDs.contains(request.orderExternalID) {
            request.reason = nil
            returns[key] = request
        }
        for (key, var answer) in answers where answer.customerExternalID == id {
            answer.customerExternalID = erasure.pseudonym
            answer.comment = nil
            answers[key] = answer
        }
        for (key, var review) in reviewTable where review.customerExternalID == id {
            review.customerExternalID = erasure.pseudonym
            review.title = nil
            review.body = nil
            reviewTable[key] = review
        }
        eraseCheckouts(customerExternalID: id, email: stored.email)
        consentLog.removeAll { $0.customerExternalID == id }
        eraseFlowData(of: id, pseudonym: erasure.pseudonym)
        eraseLoyalty(of: id, pseudonym: erasure.pseudonym)
        forgetIdempotencyRecords(
            mentioning: CustomerErasure.mentions(
                id: id, email: stored.email, firstName: stored.firstName, lastName: stored.lastName))
        if let email = stored.email {
            // Entries that still hold the address in clear lose it (the digest stays).
            let address = SuppressionEntry.normalise(email, .email)
            for (key, var entry) in suppressionTable where entry.address == address {
                entry.address = nil
                suppressionTable[key] = entry
            }
        }
        for entry in erasure.suppressions { _ = addSuppression(entry) }
    }

    private func addSuppression(_ entry: SuppressionEntry) -> SuppressionEntry {
        let key = SuppressionKey(channel: entry.channel, addressHash: entry.addressHash)
        let kept = suppressionTable[key].map { $0.merged(with: entry) } ?? entry
        suppressionTable[key] = kept
        return kept
    }
}
