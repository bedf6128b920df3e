import FlywheelCore
import Foundation
import GRDB
import Synchronization

/// The ledger records of recently written customers as last committed, so a ledger write need not read its
/// customer's whole ledger back from the file (that read grew with the customer's history and was the
/// largest cost of a write through the API; docs/storage.md, "Cached ledger records").
///
/// Used only inside the writer's transactions (`SQLiteStore.withLedger`), where it stays exact:
/// - a write *takes* its customer's records out, so a second write of the customer in the same group
///   transaction, or after a write that threw (its savepoint rolled back), reads the file;
/// - the records a write leaves are put back only once the transaction **committed** (GRDB's
///   `afterNextTransaction`); a transaction that rolls back puts nothing back;
/// - another connection's commit (another process, another store on the file) changes the writer
///   connection's `PRAGMA data_version`, checked at each write: then everything is forgotten.
/// Writes of this process go through the pool's one writer connection; the one other writer of the ledger
/// tables, a customer's erasure (which renames rows to the pseudonym), calls `forgetAll()` in its transaction. At most `limit` records (sources, lots and entries together; ≈ 150 bytes each) are
/// kept; when full, the cache starts again empty.
final class LedgerRecordsCache: Sendable {
    private struct State {
        var records: [String: CustomerLedgerRecords] = [:]
        /// Sources, lots and entries held, over all customers.
        var size = 0
        var dataVersion: Int64?
    }

    private let state = Mutex(State())
    private let limit: Int

    init(limit: Int = 200_000) {
        self.limit = limit
    }

    /// The customer's committed records if remembered (and no other connection committed since), taken out
    /// of the cache; `nil`: read them from the file. Call inside the write transaction.
    func take(_ customer: String, _ db: Database) throws -> CustomerLedgerRecords? {
        let version = try Int64.fetchOne(db.cachedStatement(sql: "PRAGMA data_version"))
        return state.withLock { state in
            if state.dataVersion != version {
                state.records.removeAll()
                state.size = 0
                state.dataVersion = version
            }
            guard let records = state.records.removeValue(forKey: customer) else { return nil }
            state.size -= Self.size(of: records)
            return records
        }
    }

    /// Forgets every customer's records: for a write of the ledger tables outside `SQLiteStore.withLedger`
    /// (an erasure renames the customer's rows and referral keys in other customers' ledgers). Call inside
    /// that write's transaction; the writer runs one transaction at a time, so nothing is put back meanwhile.
    func forgetAll() {
        state.withLock { state in
            state.records.removeAll()
            state.size = 0
        }
    }

    /// Remembers `records` (what the customer's ledger holds once this write is in) when the transaction
    /// commits. Records appended by this write are kept as the file will give them back (instants to the
    /// millisecond), so a remembered ledger equals one read from the file.
    func putBack(_ records: CustomerLedgerRecords, after db: Database) {
        let stored = records.hasChanges ? Self.asStored(records) : records
        db.afterNextTransaction(onCommit: { [self] _ in remember(stored) })
    }

    private func remember(_ records: CustomerLedgerRecords) {
        state.withLock { state in
            // Two writes of one customer in a group commit in order; the ledger only grows, so the longer
            // one is the later.
            let size = Self.size(of: records)
            if let known = state.records[records.customer] {
                if Self.size(of: known) >= size { return }
                state.size -= Self.size(of: known)
            }
            if state.size + size > limit {
                state.records.removeAll(keepingCapacity: true)
                state.size = 0
                if size > limit { return }
            }
            state.records[records.customer] = records
            state.size += size
        }
    }

    private static func size(of records: CustomerLedgerRecords) -> Int {
        records.sources.count + records.lots.count + records.entries.count
    }

    /// `records` with what this write appended rounded as the file stores it, all marked as stored.
    static func asStored(_ records: CustomerLedgerRecords) -> CustomerLedgerRecords {
        var sources = Array(records.sources.dropLast(records.newSources.count))
        sources.reserveCapacity(records.sources.count)
        for var source in records.newSources {
            source.at = stored(source.at)
            sources.append(source)
        }
        var lots = Array(records.lots.dropLast(records.newLots.count))
        lots.reserveCapacity(records.lots.count)
        for var lot in records.newLots {
            lot.earnedAt = stored(lot.earnedAt)
            lot.expiresAt = lot.expiresAt.map(stored)
            lots.append(lot)
        }
        var entries = Array(records.entries.dropLast(records.newEntries.count))
        entries.reserveCapacity(records.entries.count)
        for var entry in records.newEntries {
            entry.at = stored(entry.at)
            entries.append(entry)
        }
        return CustomerLedgerRecords(customer: records.customer, sources: sources, lots: lots, entries: entries)
    }

    private static func stored(_ date: Date) -> Date { EpochMilliseconds.date(EpochMilliseconds.from(date)) }
}
