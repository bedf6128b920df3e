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
        return try await store.enqueue(try await render(fresh))
    }

    /// The outbox messages of `sends`, in order; a large batch is rendered in one piece per processor.
    func render(_ sends: [OutboxSend]) async throws -> [OutboxMessage] {
        let pieces = min(ProcessInfo.processInfo.activeProcessorCount, sends.count / Self.smallestPiece)
        guard pieces > 1 else { return try sends.map { try render($0.outgoing, recipient: $0.recipient, values: $0.values) } }
        let size = (sends.count + pieces - 1) / pieces
        return try await withThrowingTaskGroup(of: (Int, [OutboxMessage]).self) { group in
            for start in stride(from: 0, to: sends.count, by: size) {
                let piece = sends[start..<min(start + size, sends.count)]
                group.addTask {
                    (start, try piece.map { try self.render($0.outgoing, recipient: $0.recipient, values: $0.values) })
                }
            }
            var rendered: [(Int, [OutboxMessage])] = []
            for try await piece in group { rendered.append(piece) }
            return rendered.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
    }

    /// Below this many sends per piece, rendering in parallel costs more than it saves.
    static let smallestPiece = 32
}
