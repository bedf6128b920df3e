import FlywheelCore
import Foundation

extension APIHandler {
    /// A customer's timeline, newest first. The cursor is the last entry's position (time and append order),
    /// opaque to clients. A customer unknown to the store answers 404 unless a timeline is kept under the id.
    func getCustomerTimeline(_ input: Operations.GetCustomerTimeline.Input) async throws
        -> Operations.GetCustomerTimeline.Output
    {
        let (after, limit) = try Self.listQuery(cursor: input.query.cursor, limit: input.query.limit)
        var before: TimelineCursor?
        if let after {
            guard let cursor = Self.timelineCursor(after) else {
                throw APIProblem.badRequest(
                    "cursor is not one this server gave.", errors: [.init(pointer: "cursor", detail: "is not a valid cursor")])
            }
            before = cursor
        }
        let id = input.path.id
        let (known, page) = try await read {
            let page = try await store.timeline(customerID: id, before: before, limit: limit)
            return (try await store.customer(externalID: id) != nil, page)
        }
        guard known || !page.entries.isEmpty else { throw APIProblem.notFound("No customer with this id.") }
        return .ok(
            .init(
                body: .json(
                    .init(
                        items: page.entries.map(\.api),
                        nextCursor: Self.cursor(page.next.map(Self.timelineCursorKey))))))
    }

    /// A timeline position as a cursor key: the instant's seconds (exactly, as Swift prints a Double) and the
    /// append order.
    static func timelineCursorKey(_ cursor: TimelineCursor) -> String {
        "\(cursor.at.timeIntervalSince1970)|\(cursor.sequence)"
    }

    static func timelineCursor(_ key: String) -> TimelineCursor? {
        let parts = key.split(separator: "|", omittingEmptySubsequences: false)
        guard parts.count == 2, let seconds = Double(parts[0]), seconds.isFinite, let sequence = Int64(parts[1]) else {
            return nil
        }
        return TimelineCursor(at: Date(timeIntervalSince1970: seconds), sequence: sequence)
    }
}
