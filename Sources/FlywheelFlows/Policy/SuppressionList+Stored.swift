public import FlywheelCore

extension SuppressionList {
    /// The list from the store's entries (`FlywheelStore.suppressions()`): every entry that keeps its address.
    ///
    /// Entries of erased customers keep only a digest of the address; the adapter recognises them by digesting
    /// the addresses it is about to contact and adds matches with `add(_:address:)` (docs/consent.md).
    public init(stored entries: [SuppressionEntry]) {
        self.init()
        for entry in entries { add(entry) }
    }

    /// Adds a stored entry under its own address, or under `address` (for a digest-only entry whose digest
    /// matched it). An entry without either is skipped.
    public mutating func add(_ entry: SuppressionEntry, address: String? = nil) {
        guard let address = address ?? entry.address, let reason = SuppressionReason(rawValue: entry.cause.rawValue),
            let channel = Channel(rawValue: entry.channel.rawValue)
        else { return }
        add(address, channel: channel, reason: reason)
    }
}
