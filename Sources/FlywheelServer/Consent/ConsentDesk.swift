public import FlywheelCore
public import Foundation

/// Makes consent changes the way the law wants them kept: each one appended to the customer's history with
/// its source (and for opt-ins the proof), the cached consent updated and the suppression list kept, in one
/// store transaction; a pending e-mail opt-in is sent a confirmation link (double opt-in). Used by the API,
/// the customer pages and the CLI.
public struct ConsentDesk: Sendable {
    /// How a confirmation was made, as the proof records it.
    public static let confirmedByLink = "confirmation-link"
    /// Turning e-mail marketing on through the preference page: the page was reached by a signed link sent to
    /// the address, which proves control of it as a confirmation link does.
    public static let confirmedByPreferenceLink = "preference-page-link"

    public let store: any FlywheelStore
    public let links: CustomerLinkURLs
    /// Where confirmation messages go; `nil` sends none (a pending opt-in then stays pending).
    public let confirmations: (any ConfirmationSender)?

    public init(store: any FlywheelStore, links: CustomerLinkURLs, confirmations: (any ConfirmationSender)?) {
        self.store = store
        self.links = links
        self.confirmations = confirmations
    }

    /// What confirming an opt-in did.
    public enum Confirmation: Sendable, Equatable {
        case confirmed
        /// Already granted: nothing recorded again.
        case alreadyConfirmed
        /// Not pending any more (withdrawn, or the address changed): nothing recorded.
        case nothingToConfirm
    }

    /// Records a change the shop reports (API, import, webhook, admin). `granted` lifts an earlier unsubscribe of
    /// the address; a `pending` e-mail opt-in that became the current state is sent a confirmation link.
    /// Throws `ConsentStoreError.unknownCustomer` for an unknown customer.
    public func record(_ change: ConsentChange, now: Date) async throws -> ConsentChangeOutcome {
        guard let customer = try await store.customer(externalID: change.customerExternalID) else {
            throw ConsentStoreError.unknownCustomer(change.customerExternalID)
        }
        var suppression: SuppressionUpdate?
        if change.state == .granted, let address = Self.address(of: customer, change.channel) {
            suppression = .liftUnsubscribe(channel: change.channel, addressHash: AddressDigest.of(address, channel: change.channel))
        }
        let outcome = try await store.recordConsentChange(change, suppression: suppression)
        if case .applied = outcome, change.channel == .email, change.state == .pending {
            try await sendConfirmation(to: customer, now: now)
        }
        return outcome
    }

    /// Unsubscribes a customer from one channel's marketing at once: `revoked` in the history and the address
    /// on the suppression list as `unsubscribed` (when the customer has one on that channel).
    @discardableResult
    public func unsubscribe(customerID: String, channel: ConsentChannel, source: ConsentSource, now: Date) async throws
        -> ConsentChangeOutcome
    {
        guard let customer = try await store.customer(externalID: customerID) else {
            throw ConsentStoreError.unknownCustomer(customerID)
        }
        let change = ConsentChange(customerExternalID: customerID, channel: channel, state: .revoked, source: source, changedAt: now)
        let suppression = Self.address(of: customer, channel).map {
            SuppressionUpdate.add(AddressDigest.entry($0, channel: channel, cause: .unsubscribed, source: source, at: now))
        }
        return try await store.recordConsentChange(change, suppression: suppression)
    }

    /// Turns one channel's marketing on or off from the preference page. Off is an unsubscribe; on is `granted`
    /// with the page's link as the confirmation (and lifts an earlier unsubscribe). Nothing is recorded when the
    /// channel is already in that state.
    public func setMarketing(customerID: String, channel: ConsentChannel, on: Bool, now: Date) async throws {
        guard let customer = try await store.customer(externalID: customerID) else {
            throw ConsentStoreError.unknownCustomer(customerID)
        }
        let current = (customer.consent ?? MarketingConsent()).state(channel)
        if on {
            guard current != .granted else { return }
            let proof = OptInProof(
                requestedAt: now, requestSource: "preference-page", confirmedAt: now,
                confirmation: Self.confirmedByPreferenceLink)
            let change = ConsentChange(
                customerExternalID: customerID, channel: channel, state: .granted, source: .preferencePage, changedAt: now,
                proof: proof)
            let lift = Self.address(of: customer, channel).map {
                SuppressionUpdate.liftUnsubscribe(channel: channel, addressHash: AddressDigest.of($0, channel: channel))
            }
            _ = try await store.recordConsentChange(change, suppression: lift)
        } else {
            guard current != .revoked else { return }
            try await unsubscribe(customerID: customerID, channel: channel, source: .preferencePage, now: now)
        }
    }

    /// Confirms a pending e-mail opt-in from a confirmation link: `granted` with the request's proof completed by
    /// the confirmation's time and way. `addressHash` is the link's (the address it was sent for).
    public func confirmOptIn(customerID: String, addressHash: String, now: Date) async throws -> Confirmation {
        guard let customer = try await store.customer(externalID: customerID), let email = customer.email,
            AddressDigest.of(email, channel: .email) == addressHash
        else { return .nothingToConfirm }
        switch customer.consent?.email {
        case .granted: return .alreadyConfirmed
        case .pending: break
        default: return .nothingToConfirm
        }
        let request = try await store.consentHistory(customerExternalID: customerID)
            .last { $0.channel == .email && $0.state == .pending }
        var proof = request?.proof ?? OptInProof()
        if proof.requestedAt == nil { proof.requestedAt = request?.changedAt }
        proof.confirmedAt = now
        proof.confirmation = Self.confirmedByLink
        let change = ConsentChange(
            customerExternalID: customerID, channel: .email, state: .granted, source: .doubleOptInConfirmation,
            changedAt: now, proof: proof)
        _ = try await store.recordConsentChange(change, suppression: .liftUnsubscribe(channel: .email, addressHash: addressHash))
        return .confirmed
    }

    private func sendConfirmation(to customer: Customer, now: Date) async throws {
        guard let confirmations, let email = customer.email else { return }
        let link = links.confirmOptIn(customer: customer.externalID, email: email, now: now)
        try await confirmations.sendConfirmation(
            OptInConfirmation(customer: customer, email: email, url: link.url, expiresAt: link.expiresAt))
    }

    /// The customer's address on a channel (Flywheel keeps no phone numbers yet: SMS has none).
    static func address(of customer: Customer, _ channel: ConsentChannel) -> String? {
        switch channel {
        case .email: customer.email.flatMap { $0.isEmpty ? nil : $0 }
        case .sms: nil
        }
    }
}
