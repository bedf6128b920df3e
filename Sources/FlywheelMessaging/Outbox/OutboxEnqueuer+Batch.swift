public import FlywheelCore
import Foundation

extension OutboxEnqueuer {
    /// Renders and enqueues many sends at once (a scheduler batch's): one lookup finds the keys already in the
    /// outbox (those are not rendered again), the rest are rendered — in parallel pieces for a large batch —
    /// and stored in one `OutboxStore.enqueue` transaction. Returns the store's result for each send rendered,
    /// in order (`isNew` false when a key repeats within `sends` or another enqueuer stored it meanwhile); sends
    /// whose key was stored before the call are left out.
    /// - Throws: `TemplateError` (nothing is stored then) or the store's errors.
    @discardableResult
    public func enqueue(_ sends: [OutboxSend]) async throws -> [OutboxEnqueued] {
        guard !sends.isEmpty else { return [] }
        let stored = try await store.storedOutboxKeys(sends.map(\.outgoing.idempotencyKey))
        let fresh = stored.isEmpty ? sends : sends.filter { !stored.contains($0.outgoing.idempotencyKey) }
        guard !fresh.isEmpty else { return [] }
        let messages = try await render(fresh).map { try $0.get() }
        return try await store.enqueue(messages)
    }

    /// Like `enqueue(_:)`, but one send's problem is that send's alone: a send whose template does not render,
    /// or whose message is invalid, is left out (its outcome says why) and the others are stored in the one
    /// transaction. One outcome per send, in order. Exactly once by key as `enqueue(_:)`.
    /// - Throws: only the store's errors (then nothing of the batch is stored).
    public func enqueueEach(_ sends: [OutboxSend]) async throws -> [OutboxSendOutcome] {
        guard !sends.isEmpty else { return [] }
        let stored = try await store.storedOutboxKeys(sends.map(\.outgoing.idempotencyKey))
        var outcomes = [OutboxSendOutcome](repeating: .alreadyQueued, count: sends.count)
        let fresh = sends.indices.filter { !stored.contains(sends[$0].outgoing.idempotencyKey) }
        guard !fresh.isEmpty else { return outcomes }
        let rendered = try await render(fresh.map { sends[$0] })
        var storing: [OutboxMessage] = []
        var storingIndices: [Int] = []
        storing.reserveCapacity(fresh.count)
        storingIndices.reserveCapacity(fresh.count)
        for (index, result) in zip(fresh, rendered) {
            switch result {
            case .failure(let error):
                outcomes[index] = .notRendered(error)
            case .success(let message):
                do {
                    try message.validate()
                    storing.append(message)
                    storingIndices.append(index)
                } catch let error as OutboxStoreError {
                    outcomes[index] = .invalid(error)
                }
            }
        }
        guard !storing.isEmpty else { return outcomes }
        for (index, result) in zip(storingIndices, try await store.enqueue(storing)) {
            outcomes[index] = .enqueued(result)
        }
        return outcomes
    }

    /// The outbox messages of `sends`, in order, or why one did not render; a large batch is rendered in one
    /// piece per processor.
    func render(_ sends: [OutboxSend]) async throws -> [Result<OutboxMessage, TemplateError>] {
        let pieces = min(ProcessInfo.processInfo.activeProcessorCount, sends.count / Self.smallestPiece)
        guard pieces > 1 else { return sends.map(renderResult) }
        let size = (sends.count + pieces - 1) / pieces
        return try await withThrowingTaskGroup(of: (Int, [Result<OutboxMessage, TemplateError>]).self) { group in
            for start in stride(from: 0, to: sends.count, by: size) {
                let piece = sends[start..<min(start + size, sends.count)]
                group.addTask { (start, piece.map(self.renderResult)) }
            }
            var rendered: [(Int, [Result<OutboxMessage, TemplateError>])] = []
            for try await piece in group { rendered.append(piece) }
            return rendered.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
    }

    /// One send rendered, or the `TemplateError` saying why not (rendering throws nothing else).
    private func renderResult(_ send: OutboxSend) -> Result<OutboxMessage, TemplateError> {
        do {
            return .success(try render(send.outgoing, recipient: send.recipient, values: send.values))
        } catch let error as TemplateError {
            return .failure(error)
        } catch {
            return .failure(TemplateError("template \(send.outgoing.template): \(error)"))
        }
    }

    /// Below this many sends per piece, rendering in parallel costs more than it saves.
    static let smallestPiece = 32
}
