import FlywheelCore
import Foundation

extension APIHandler {
    func listShipments(_ input: Operations.ListShipments.Input) async throws -> Operations.ListShipments.Output {
        let (after, limit) = try Self.listQuery(cursor: input.query.cursor, limit: input.query.limit)
        let page = try await read { try await store.shipments(ListQuery(after: after, limit: limit)) }
        return .ok(.init(body: .json(.init(items: page.items.map(\.api), nextCursor: Self.cursor(page.nextAfter)))))
    }

    func upsertShipment(_ input: Operations.UpsertShipment.Input) async throws -> Operations.UpsertShipment.Output {
        guard case .json(let body) = input.body else { throw APIProblem.badRequest("Send JSON.") }
        let shipment = try Shipment(api: body)
        let (created, result) = try await upsert(IngestBatch(shipments: [shipment]), id: shipment.externalID) {
            $0.shipments
        }
        return created ? .created(.init(body: .json(result))) : .ok(.init(body: .json(result)))
    }

    func recordShipmentEvent(_ input: Operations.RecordShipmentEvent.Input) async throws
        -> Operations.RecordShipmentEvent.Output
    {
        guard case .json(let event) = input.body else { throw APIProblem.badRequest("Send JSON.") }
        let id = input.path.id
        guard let stored = try await read({ try await store.shipment(externalID: id) }) else {
            throw APIProblem.notFound("No shipment with this id.")
        }
        let updated = try stored.applying(event)
        let (_, result) = try await upsert(IngestBatch(shipments: [updated]), id: id) { $0.shipments }
        return .ok(.init(body: .json(result)))
    }

    func listReturns(_ input: Operations.ListReturns.Input) async throws -> Operations.ListReturns.Output {
        let (after, limit) = try Self.listQuery(cursor: input.query.cursor, limit: input.query.limit)
        let page = try await read { try await store.returns(ListQuery(after: after, limit: limit)) }
        return .ok(.init(body: .json(.init(items: page.items.map(\.api), nextCursor: Self.cursor(page.nextAfter)))))
    }

    func upsertReturn(_ input: Operations.UpsertReturn.Input) async throws -> Operations.UpsertReturn.Output {
        guard case .json(let body) = input.body else { throw APIProblem.badRequest("Send JSON.") }
        let item = try ReturnRequest(api: body)
        let (created, result) = try await upsert(IngestBatch(returns: [item]), id: item.externalID) { $0.returns }
        return created ? .created(.init(body: .json(result))) : .ok(.init(body: .json(result)))
    }

    func listMarketingSpend(_ input: Operations.ListMarketingSpend.Input) async throws
        -> Operations.ListMarketingSpend.Output
    {
        let spend = try await read { try await store.marketingSpend() }
        return .ok(.init(body: .json(.init(items: spend.map(\.api)))))
    }

    func upsertMarketingSpend(_ input: Operations.UpsertMarketingSpend.Input) async throws
        -> Operations.UpsertMarketingSpend.Output
    {
        guard case .json(let body) = input.body else { throw APIProblem.badRequest("Send JSON.") }
        let spend = try MarketingSpend(api: body)
        let id = "\(spend.channel)/\(spend.month)"
        let (created, result) = try await upsert(IngestBatch(marketingSpend: [spend]), id: id) { $0.marketingSpend }
        return created ? .created(.init(body: .json(result))) : .ok(.init(body: .json(result)))
    }
}
