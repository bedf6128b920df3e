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
            throw APIProblem.unprocessable(
                slug: "unknown-customer", title: "Unknown customer",
                detail: "No customer with this customer_id; send the customer first. Nothing was stored."
            ).with(errors: [.init(pointer: "/customer_id", detail: "names a customer that does not exist")])
        }
        var consent = stored.consent ?? MarketingConsent()
        // An older change than the one already recorded does not overwrite it.
        if let recorded = consent.updatedAt, recorded > body.changedAt {
            return .ok(.init(body: .json(.init(id: body.customerId, result: .unchanged))))
        }
        switch body.channel {
        case .email: consent.email = ConsentState(api: body.state)
        case .sms: consent.sms = ConsentState(api: body.state)
        }
        consent.updatedAt = body.changedAt
        let change = Customer(externalID: body.customerId, consent: consent)
        let (_, result) = try await upsert(IngestBatch(customers: [change]), id: body.customerId) { $0.customers }
        return .ok(.init(body: .json(result)))
    }
}
