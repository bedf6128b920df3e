public import Foundation
extension InMemoryStore {
    /// Runs `body` on a copy of the customer's records inside the actor (so one at a time), and keeps the
    /// copy only when `body` returns and every appended source is new for the customer.
    public func withLedger<T: Sendable>(
        customer: String, _ body: @Sendable (inout CustomerLedgerRecords) throws -> T
    ) async throws -> T {
        var records = ledgers[customer] ?? CustomerLedgerRecords(customer: customer)
        let stored = records.sources.count
        let result = try body(&records)
        guard records.hasChanges else { return result }
        // The unique key (customer, kind, key) of the SQL engines.
        var seen = Set(records.sources.prefix(stored).map { SourceKey(kind: $0.kind, key: $0.key) })
        for source in records.newSources where !seen.insert(SourceKey(kind: source.kind, key: source.key)).inserted {
            throw LedgerStoreError.duplicateSource(kind: source.kind, key: source.key)
        }
        let codes = records.newSources.filter { $0.kind == Self.redemptionKind }.map(\.key)
        if let taken = codes.first(where: { redemptionCodes[$0].map { $0 != customer } ?? false }) {
            throw LedgerStoreError.codeTaken(taken)
        }
        for code in codes { redemptionCodes[code] = customer }
        ledgers[customer] = CustomerLedgerRecords(
            customer: customer, sources: records.sources, lots: records.lots, entries: records.entries)
        return result
    }

    public func ledgerHistory(_ query: LedgerHistoryQuery) async throws -> LedgerHistoryPage {
        let entries = ledgers[query.customer]?.entries ?? []
        let end = min(entries.count, query.before ?? entries.count)
        let newestFirst = entries[max(0, end - query.limit - 1)..<max(0, end)].reversed()
        return LedgerHistoryPage.cut(Array(newestFirst), limit: query.limit)
    }

    public func ledgerBalance(customer: String) async throws -> LedgerBalance {
        ledgers[customer]?.balance ?? LedgerBalance(customer: customer)
    }

    public func openLedgerLots() async throws -> [LedgerOpenLot] {
        ledgers.keys.sorted(by: KeyOrder.precedes).flatMap { ledgers[$0]?.openLots ?? [] }
    }

    public func ledgerLastActivity(kinds: [String]) async throws -> [String: Date] {
        let wanted = Set(kinds)
        var last: [String: Date] = [:]
        for (customer, records) in ledgers {
            for source in records.sources where wanted.contains(source.kind) {
                last[customer] = max(last[customer] ?? source.at, source.at)
            }
        }
        return last
    }

    public func ledgerSources(kind: String, key: String) async throws -> [LedgerSourceRecord] {
        ledgers.keys.sorted(by: KeyOrder.precedes).compactMap { customer in
            ledgers[customer]?.sources.first { $0.kind == kind && $0.key == key }
        }
    }

    /// The source kind whose keys are codes, unique across the shop.
    static let redemptionKind = "redemption"

    private struct SourceKey: Hashable {
        let kind: String
        let key: String
    }
}
