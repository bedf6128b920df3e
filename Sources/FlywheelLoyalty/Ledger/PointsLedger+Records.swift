public import FlywheelCore
import Foundation

extension PointsLedger {
    /// Restores one customer's ledger from the records a store keeps (`CustomerLedgerRecords`): lots in their
    /// stored numbering, entries replayed in order (balances, what is left of each lot, exactly-once keys,
    /// redeemed points per redemption), then the sources' refund state, shortfalls, releases and hand-backs.
    /// The ledger keeps its entries, and remembers what is applied from now on so that `append(to:)` can
    /// write it back.
    ///
    /// Throws `LedgerRecordError` when a record names a source kind or lot this build does not know.
    public init(restoring records: CustomerLedgerRecords) throws {
        self.init()
        let customer = records.customer
        for record in records.lots {
            let source = try Self.source(kind: record.sourceKind, key: record.sourceKey)
            let id = LotID(record.number)
            lots.append(
                PointsLot(
                    id: id, customer: customer, source: source, earnedAt: record.earnedAt,
                    expiresAt: record.expiresAt, earned: record.earned, remaining: record.earned,
                    isPending: record.pending))
            registerLot(id, customer: customer)
            if source.kind == .order, let amount = record.orderAmount {
                orderEarnings[orderSlot(source.key).slot] = OrderEarning(
                    customer: customer, lot: id, earned: record.earned, amountMinor: amount.minorUnits,
                    currency: amount.currency)
            }
        }
        for record in records.entries {
            guard record.lot >= 0, record.lot < lots.count else {
                throw LedgerRecordError.unknownLot(entry: record.sequence, lot: record.lot)
            }
            let lot = LotID(record.lot)
            if record.takesFromLot { lots[record.lot].remaining -= record.points }
            if record.debit == .pending, record.credit == .available { lots[record.lot].isPending = false }
            _ = append(
                debit: Self.account(record.debit, customer), credit: Self.account(record.credit, customer),
                points: record.points, source: try Self.source(kind: record.sourceKind, key: record.sourceKey),
                reason: record.reason, at: record.at, lot: lot, admin: record.admin)
        }
        for record in records.sources {
            let source = try Self.source(kind: record.kind, key: record.key)
            markApplied(source)
            if source.kind == .release, let reference = record.reference, source.key == reference,
                let slot = existingOrderSlot(reference), orderEarnings[slot] != nil
            {
                orderEarnings[slot]?.released = true  // a release keyed by its order is marked on the order
            }
            if let lot = record.releasesLot, lot >= 0, lot < lots.count { lots[lot].isPending = false }
            guard let reference = record.reference else { continue }
            switch source.kind {
            case .refund:
                guard let slot = existingOrderSlot(reference), var earning = orderEarnings[slot] else { continue }
                earning.refundedMinor = record.refundedMinor ?? earning.refundedMinor
                earning.accountedPoints = record.accountedPoints ?? earning.accountedPoints
                orderEarnings[slot] = earning
                if record.shortfallPoints > 0 {
                    recordShortfall(
                        RefundShortfall(
                            refund: source, order: SourceEvent(.order, key: reference), customer: customer,
                            points: record.shortfallPoints))
                }
            case .handBack:
                let redemption = SourceEvent(.redemption, key: reference)
                let handedBack = entries(of: source).reduce(0) { $0 + $1.points }
                redeemedBySource[redemption, default: 0] -= handedBack
            default:
                break
            }
        }
        journal = []
    }

    /// Appends to `records` what this ledger applied since it was restored from them: its new sources, lots
    /// and entries, in order. Throws `LedgerStoreError` when they do not continue the records (a ledger
    /// restored from other records, or an entry for another customer).
    public func append(to records: inout CustomerLedgerRecords) throws {
        let customer = records.customer
        for application in journal ?? [] {
            try records.append(
                LedgerSourceRecord(
                    customer: customer, sequence: records.sources.count, kind: application.source.kind.rawValue,
                    key: application.source.key, at: application.at, reference: application.reference,
                    releasesLot: application.releasesLot?.rawValue, refundedMinor: application.refundedMinor,
                    accountedPoints: application.accountedPoints, shortfallPoints: application.shortfall))
        }
        for lot in lots.dropFirst(records.lots.count) {
            let amount =
                lot.source.kind == .order
                ? existingOrderSlot(lot.source.key).flatMap({ orderEarnings[$0] }).map { earning in
                    Money(minorUnits: earning.amountMinor, currency: earning.currency)
                } : nil
            try records.append(
                LedgerLotRecord(
                    customer: lot.customer, number: lot.id.rawValue, sourceKind: lot.source.kind.rawValue,
                    sourceKey: lot.source.key, earnedAt: lot.earnedAt, expiresAt: lot.expiresAt, earned: lot.earned,
                    pending: lot.isPending || wasCreatedPending(lot), orderAmount: amount))
        }
        for entry in entries.dropFirst(records.entries.count) {
            guard let debit = Self.kind(of: entry.debit, customer), let credit = Self.kind(of: entry.credit, customer)
            else { throw LedgerStoreError.otherCustomer(record: "ledger entry \(entry.sequence)") }
            try records.append(
                LedgerEntryRecord(
                    customer: customer, sequence: entry.sequence, debit: debit, credit: credit, points: entry.points,
                    sourceKind: entry.source.kind.rawValue, sourceKey: entry.source.key, reason: entry.reason,
                    at: entry.at, lot: entry.lot.rawValue, admin: entry.admin))
        }
    }

    /// Whether the lot's first entry credited the customer's pending account (it may have been released since,
    /// in the same transaction).
    private func wasCreatedPending(_ lot: PointsLot) -> Bool {
        entries(ofLot: lot.id).first?.credit == .pending(customer: lot.customer)
    }

    private static func source(kind: String, key: String) throws -> SourceEvent {
        guard let kind = SourceEvent.Kind(rawValue: kind) else { throw LedgerRecordError.unknownSourceKind(kind) }
        return SourceEvent(kind, key: key)
    }

    private static func account(_ kind: LedgerAccountKind, _ customer: String) -> LedgerAccount {
        switch kind {
        case .programme: .programme
        case .available: .available(customer: customer)
        case .pending: .pending(customer: customer)
        case .redeemed: .redeemed
        case .expired: .expired
        case .reversed: .reversed
        }
    }

    /// The stored account kind of `account`; `nil` for another customer's account.
    private static func kind(of account: LedgerAccount, _ customer: String) -> LedgerAccountKind? {
        switch account {
        case .programme: .programme
        case .available(let owner): owner == customer ? .available : nil
        case .pending(let owner): owner == customer ? .pending : nil
        case .redeemed: .redeemed
        case .expired: .expired
        case .reversed: .reversed
        }
    }
}
