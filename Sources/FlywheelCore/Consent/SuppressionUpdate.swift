/// What a consent change does to the suppression list, in the change's transaction.
public enum SuppressionUpdate: Hashable, Sendable {
    /// Adds the entry (the stronger cause is kept, as `FlywheelStore.suppress` does).
    case add(SuppressionEntry)
    /// Removes an `unsubscribed` entry for the address: a new, confirmed opt-in overrides an earlier
    /// unsubscribe. Stronger causes (objection, complaint, hard bounce, erasure) stay, and a change older than the
    /// recorded state (superseded) lifts nothing.
    case liftUnsubscribe(channel: ConsentChannel, addressHash: String)
}
