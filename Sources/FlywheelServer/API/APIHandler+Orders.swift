import FlywheelCore
import Foundation

extension APIHandler {
    func listOrders(_ input: Operations.ListOrders.Input) async throws -> Operations.ListOrders.Output {
        let (after, limit) = try Self.listQuery(cursor: input.query.cursor, limit: input.query.limit)
        let query = OrderQuery(
            after: after, limit: limit, customerExternalID: input.query.customerId, placedFrom: input.query.placedFrom,
            placedBefore: input.query.placedBefore)
        let page = try await read { try await store.orders(query) }
        return .ok(.init(body: .json(.init(items: page.items.map(\.api), nextCursor: Self.cursor(page.nextAfter)))))
    }

    func upsertOrder(_ input: Operations.UpsertOrder.Input) async throws -> Operations.UpsertOrder.Output {
        guard case .json(let body) = input.body else { throw APIProblem.badRequest("Send JSON.") }
        let order = try Order(api: body, now: now())
        let (created, result) = try await upsert(IngestBatch(orders: [order]), id: order.externalID) { $0.orders }
        return created ? .created(.init(body: .json(result))) : .ok(.init(body: .json(result)))
    }

    func getOrder(_ input: Operations.GetOrder.Input) async throws -> Operations.GetOrder.Output {
        let id = input.path.id
        guard let order = try await read({ try await store.order(externalID: id) }) else {
            throw APIProblem.notFound("No order with this id.")
        }
        let refunds = try await read { try await store.refunds(orderExternalID: id) }
        let shipments = try await read { try await store.shipments(orderExternalID: id) }
        let returns = try await read { try await store.returns(orderExternalID: id) }
        return .ok(
            .init(
                body: .json(
                    .init(
                        order: order.api, refunds: refunds.map(\.api), shipments: shipments.map(\.api),
                        returns: returns.map(\.api)))))
    }

    func listRefunds(_ input: Operations.ListRefunds.Input) async throws -> Operations.ListRefunds.Output {
        let (after, limit) = try Self.listQuery(cursor: input.query.cursor, limit: input.query.limit)
        let page = try await read { try await store.refunds(ListQuery(after: after, limit: limit)) }
        return .ok(.init(body: .json(.init(items: page.items.map(\.api), nextCursor: Self.cursor(page.nextAfter)))))
    }

    func upsertRefund(_ input: Operations.UpsertRefund.Input) async throws -> Operations.UpsertRefund.Output {
        guard case .json(let body) = input.body else { throw APIProblem.badRequest("Send JSON.") }
        let refund = try Refund(api: body)
        let (created, result) = try await upsert(IngestBatch(refunds: [refund]), id: refund.externalID) { $0.refunds }
        return created ? .created(.init(body: .json(result))) : .ok(.init(body: .json(result)))
    }
}
