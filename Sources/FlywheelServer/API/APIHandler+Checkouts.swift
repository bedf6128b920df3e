import FlywheelCore
import Foundation

extension APIHandler {
    func upsertCheckout(_ input: Operations.UpsertCheckout.Input) async throws -> Operations.UpsertCheckout.Output {
        guard case .json(let body) = input.body else { throw APIProblem.badRequest("Send JSON.") }
        let checkout = try Checkout(api: body, now: now())
        let (created, result) = try await upsert(IngestBatch(checkouts: [checkout]), id: checkout.externalID) {
            $0.checkouts
        }
        return created ? .created(.init(body: .json(result))) : .ok(.init(body: .json(result)))
    }

    func getCheckout(_ input: Operations.GetCheckout.Input) async throws -> Operations.GetCheckout.Output {
        let id = input.path.id
        guard let checkout = try await read({ try await store.checkout(externalID: id) }) else {
            throw APIProblem.notFound("No checkout with this id.")
        }
        return .ok(.init(body: .json(checkout.api)))
    }
}
