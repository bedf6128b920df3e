import FlywheelCore
import Foundation

extension APIHandler {
    /// The outbox's dead letters, most recently failed first. The cursor is the last item's failure instant and
    /// id, opaque to clients.
    func listDeadLetters(_ input: Operations.ListDeadLetters.Input) async throws -> Operations.ListDeadLetters.Output {
        let (after, limit) = try Self.listQuery(cursor: input.query.cursor, limit: input.query.limit)
        var cursor: DeadLetterCursor?
        if let after {
            guard let parsed = Self.deadLetterCursor(after) else {
                throw APIProblem.badRequest(
                    "cursor is not one this server gave.", errors: [.init(pointer: "cursor", detail: "is not a valid cursor")])
            }
            cursor = parsed
        }
        let desk = try deadLetterDesk()
        let page = try await read { try await desk.page(after: cursor, limit: limit) }
        return .ok(
            .init(
                body: .json(
                    .init(items: page.items.map(\.api), nextCursor: Self.cursor(page.next.map(Self.deadLetterCursorKey))))))
    }

    func retryDeadLetter(_ input: Operations.RetryDeadLetter.Input) async throws -> Operations.RetryDeadLetter.Output {
        let desk = try deadLetterDesk()
        let result = try await write { try await desk.retry(id: input.path.id, now: now()) }
        let message = try Self.changed(result)
        return .ok(.init(body: .json(.init(id: message.id, status: .queued))))
    }

    func discardDeadLetter(_ input: Operations.DiscardDeadLetter.Input) async throws -> Operations.DiscardDeadLetter.Output {
        let desk = try deadLetterDesk()
        let result = try await write { try await desk.discard(id: input.path.id, now: now()) }
        let message = try Self.changed(result)
        return .ok(.init(body: .json(.init(id: message.id, status: .discarded))))
    }

    private func deadLetterDesk() throws(APIProblem) -> DeadLetterDesk {
        guard let desk = DeadLetterDesk(store: store) else { throw APIProblem.notFound("This store keeps no outbox.") }
        return desk
    }

    private func write<T>(_ body: () async throws -> T) async throws(APIProblem) -> T {
        do { return try await body() } catch {
            throw APIProblem.storeUnavailable("The dead letter could not be changed; nothing was changed. Retry later.")
        }
    }

    private static func changed(_ result: DeadLetterDesk.Result) throws(APIProblem) -> OutboxMessage {
        switch result {
        case .done(let message):
            return message
        case .unknown:
            throw APIProblem.notFound("No outbox message with this id.")
        case .notDead(let status):
            throw APIProblem(
                status: .conflict, slug: "not-a-dead-letter", title: "Not a dead letter",
                detail: "The message is \(status.rawValue), not dead; only dead letters can be retried or discarded.")
        }
    }

    /// A dead-letter position as a cursor key: the failure instant's seconds (exactly, as Swift prints a Double)
    /// and the id.
    static func deadLetterCursorKey(_ cursor: DeadLetterCursor) -> String {
        "\(cursor.failedAt.timeIntervalSince1970)|\(cursor.id)"
    }

    static func deadLetterCursor(_ key: String) -> DeadLetterCursor? {
        let parts = key.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, let seconds = Double(parts[0]), seconds.isFinite, !parts[1].isEmpty else { return nil }
        return DeadLetterCursor(failedAt: Date(timeIntervalSince1970: seconds), id: String(parts[1]))
    }
}

extension DeadLetter {
    /// The dead letter as the API shows it.
    var api: Components.Schemas.DeadLetter {
        .init(
            id: id, customerId: customerID, channel: channel == "sms" ? .sms : .email, messageClass: messageClass,
            templateId: templateID, locale: locale, flowId: flowID, stepId: stepID, attempts: attempts,
            lastError: lastError, createdAt: createdAt, failedAt: failedAt)
    }
}
