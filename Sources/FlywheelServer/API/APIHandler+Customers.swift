import FlywheelCore
import Foundation

extension APIHandler {
    func listCustomers(_ input: Operations.ListCustomers.Input) async throws -> Operations.ListCustomers.Output {
        let (after, limit) = try Self.listQuery(cursor: input.query.cursor, limit: input.query.limit)
        let page = try await read { try await store.customers(CustomerQuery(after: after, limit: limit, email: input.query.email)) }
        return .ok(.init(body: .json(.init(items: page.items.map(\.api), nextCursor: Self.cursor(page.nextAfter)))))
    }

    func upsertCustomer(_ input: Operations.UpsertCustomer.Input) async throws -> Operations.UpsertCustomer.Output {
        guard case .json(let body) = input.body else { throw APIProblem.badRequest("Send JSON.") }
        let customer = try Customer(api: body, now: now())
        let (created, result) = try await upsert(IngestBatch(customers: [customer]), id: customer.externalID) { $0.customers }
        return created ? .created(.init(body: .json(result))) : .ok(.init(body: .json(result)))
    }

    func getCustomer(_ input: Operations.GetCustomer.Input) async throws -> Operations.GetCustomer.Output {
        guard let customer = try await read({ try await store.customer(externalID: input.path.id) }) else {
            throw APIProblem.notFound("No customer with this id.")
        }
        return .ok(.init(body: .json(customer.api)))
    }

    func recordConsentChange(_ input: Operations.RecordConsentChange.Input) async throws
        -> Operations.RecordConsentChange.Output
    {
        guard case .json(let body) = input.body else { throw APIProblem.badRequest("Send JSON.") }
        guard let stored = try await read({ try await store.customer(externalID: body.customerId) }) else {
            throw Self.unknownConsentCustomer
        }
        let proof = OptInProof(
            requestedAt: body.requestedAt, requestSource: body.requestSource, requestIP: body.requestIp,
            confirmedAt: body.confirmedAt, confirmation: body.confirmation)
        let change = ConsentChange(
            customerExternalID: body.customerId, channel: body.channel == .email ? .email : .sms,
            state: ConsentState(api: body.state), source: .api, changedAt: body.changedAt, proof: proof)
        let outcome: ConsentChangeOutcome
        do {
            outcome = try await consent.record(change, now: now())
        } catch is ConsentStoreError {
            throw Self.unknownConsentCustomer
        } catch {
            throw APIProblem.storeUnavailable("The change could not be stored; nothing was stored. Retry later.")
        }
        // Every change joins the history; an older one than the state already recorded does not replace it.
        let changed: Bool
        switch outcome {
        case .applied(let consent): changed = consent != stored.consent
        case .superseded: changed = false
        }
        return .ok(.init(body: .json(.init(id: body.customerId, result: changed ? .updated : .unchanged))))
    }

    private static var unknownConsentCustomer: APIProblem {
        APIProblem.unprocessable(
            slug: "unknown-customer", title: "Unknown customer",
            detail: "No customer with this customer_id; send the customer first. Nothing was stored."
        ).with(errors: [.init(pointer: "/customer_id", detail: "names a customer that does not exist")])
    }
}
