import FlywheelCore
import Synchronization

/// Remembers the active keys requests presented, for a second: a busy client then costs one store lookup
/// per second instead of one per request. A revoked key stops working within that second (`flywheel keys
/// revoke` runs in another process, so the cache cannot be told). Unknown keys are not remembered, and the
/// cache is emptied when it holds 1,000 keys, so guessing cannot fill memory.
final class APIKeyCache: Sendable {
    private struct Entry {
        var key: APIKey
        var until: ContinuousClock.Instant
    }

    private let entries = Mutex([String: Entry]())
    private let lifetime: Duration

    init(lifetime: Duration = .seconds(1)) {
        self.lifetime = lifetime
    }

    /// The key whose secret hashes to `secretHash`: remembered, or looked up by `lookUp` and remembered
    /// when active.
    func key(secretHash: String, lookUp: (String) async throws -> APIKey?) async throws -> APIKey? {
        let now = ContinuousClock.now
        if let entry = entries.withLock({ $0[secretHash] }), entry.until > now { return entry.key }
        let key = try await lookUp(secretHash)
        entries.withLock { entries in
            if let key, key.isActive {
                if entries.count >= 1_000 { entries.removeAll(keepingCapacity: true) }
                entries[secretHash] = Entry(key: key, until: now + lifetime)
            } else {
                entries[secretHash] = nil
            }
        }
        return key
    }
}
