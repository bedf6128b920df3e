/// What applying a source event did to the ledger.
public enum LedgerOutcome: Hashable, Sendable {
    /// The event was applied: these entries were appended. `shortfall` is, for refunds, the points the
    /// order earned that could not be reversed because they were already spent (zero otherwise).
    case applied(entries: [LedgerEntry], shortfall: Int64)
    /// The source event had been applied before; nothing changed.
    case alreadyApplied
    /// The event was refused; nothing changed and the event may be retried.
    case rejected(LedgerError)

    /// The appended entries; empty unless applied.
    public var entries: [LedgerEntry] {
        if case .applied(let entries, _) = self { return entries }
        return []
    }

    /// The refusal, if any.
    public var error: LedgerError? {
        if case .rejected(let error) = self { return error }
        return nil
    }
}
