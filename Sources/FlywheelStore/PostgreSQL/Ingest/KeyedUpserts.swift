import FlywheelCore

/// What an upsert did to a record.
enum RowChange {
    case created
    case updated
    case unchanged
}

extension UpsertTally {
    /// Counts one record's change.
    mutating func tally(_ change: RowChange) {
        switch change {
        case .created: created += 1
        case .updated: updated += 1
        case .unchanged: unchanged += 1
        }
    }
}

/// The records of one table that a batch upserts by key, worked out in memory: the version stored before
/// the batch (prefetched), the batch's latest record of each key, and what to write in the end.
///
/// `Version` tells two records apart: the content hash for records that have one, the amount for spend.
struct KeyedUpserts<Record, Version: Equatable> {
    /// The stored version of each key the batch names, as before the batch.
    private var stored: [String: Version] = [:]
    /// The version of each key as the batch left it so far.
    private var current: [String: Version] = [:]
    /// The batch's latest record of each key.
    private var latest: [String: Record] = [:]
    /// The batch's keys, first seen first.
    private var keys: [String] = []

    /// Notes a stored record's version (from the prefetch).
    mutating func stored(_ key: String, version: Version) {
        stored[key] = version
        current[key] = version
    }

    /// Whether the key is stored or was upserted by the batch.
    func contains(_ key: String) -> Bool { current[key] != nil }

    /// The batch's latest record of `key`, if it upserted one.
    func record(_ key: String) -> Record? { latest[key] }

    /// Upserts `record`: created when the key is new, unchanged when its version is the current one.
    mutating func upsert(_ record: Record, key: String, version: Version) -> RowChange {
        let change: RowChange
        switch current[key] {
        case nil: change = .created
        case let known? where known == version: change = .unchanged
        default: change = .updated
        }
        if latest.updateValue(record, forKey: key) == nil { keys.append(key) }
        current[key] = version
        return change
    }

    /// The records to write, first seen first: the latest of each key whose version differs from the stored
    /// one (a record changed and changed back is not written).
    var writes: [(record: Record, version: Version)] {
        keys.compactMap { key in
            guard let record = latest[key], let version = current[key], stored[key] != version else { return nil }
            return (record, version)
        }
    }
}
