/// Where an outbox message stands on its way out.
///
/// `queued` → (claimed) `sending` → `sent`; a failed attempt goes `sending` → `failed` (waiting for its
/// retry) → `sending` …; a permanent failure, or the last allowed attempt failing, ends in `dead` until an
/// operator retries it (`dead` → `queued`) or discards it (`dead` → `discarded`). A `sending` message whose lease expired (its worker died) is
/// claimable again. A claimed message the customer may no longer receive (consent revoked, address
/// suppressed after it was queued) ends `withdrawn`, never sent and never retried.
public enum OutboxStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Waiting for its first attempt.
    case queued
    /// Claimed by a worker, under a lease until `leaseExpiresAt`.
    case sending
    /// Accepted by the mail server or SMS gateway.
    case sent
    /// An attempt failed temporarily; the next one is due at `nextAttemptAt`.
    case failed
    /// Given up: a permanent failure or too many attempts. Listed as a dead letter.
    case dead
    /// Not sent because the customer withdrew (consent revoked, address suppressed) between queueing and
    /// delivery; `lastError` says why. Final.
    case withdrawn
    /// A dead letter an operator gave up on (`flywheel outbox discard`, the API). Final.
    case discarded
}
