import FlywheelCore
import Foundation

extension APIHandler {
    func exportCustomer(_ input: Operations.ExportCustomer.Input) async throws -> Operations.ExportCustomer.Output {
        let at = now()
        let document = try await read {
            try await CustomerDataExport(loyalty: loyalty, now: at).document(customerID: input.path.id, store: store, now: at)
        }
        guard let document else { throw APIProblem.notFound("No customer with this id.") }
        // The document is built once (CustomerDataExport) and handed through as the schema's open object.
        let body = try JSONDecoder().decode(Components.Schemas.CustomerExport.self, from: document)
        return .ok(.init(body: .json(body)))
    }

    func eraseCustomer(_ input: Operations.EraseCustomer.Input) async throws -> Operations.EraseCustomer.Output {
        let erasure: CustomerErasure?
        do {
            erasure = try await CustomerEraser(store: store).erase(customerID: input.path.id, now: now())
        } catch {
            throw APIProblem.storeUnavailable("The customer could not be erased; nothing was changed. Retry later.")
        }
        guard let erasure else { throw APIProblem.notFound("No customer with this id.") }
        // What the server keeps in memory about the person goes too: the referral code table.
        loyalty?.forgetErasedCustomer(input.path.id)
        return .ok(.init(body: .json(.init(id: input.path.id, pseudonym: erasure.pseudonym, erasedAt: erasure.erasedAt))))
    }
}
