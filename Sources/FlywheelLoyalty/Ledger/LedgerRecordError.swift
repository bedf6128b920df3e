/// Why stored ledger records could not be restored into a `PointsLedger`: they name something this build
/// does not know. The description names the record, never customer data.
public enum LedgerRecordError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A source kind this build does not know (a newer Flywheel wrote it).
    case unknownSourceKind(String)
    /// An entry names a lot the records do not have.
    case unknownLot(entry: Int, lot: Int)

    public var description: String {
        switch self {
        case .unknownSourceKind(let kind):
            "stored ledger source kind '\(kind)' is unknown to this build; run the Flywheel version that wrote it"
        case .unknownLot(let entry, let lot):
            "stored ledger entry \(entry) names lot \(lot), which is not stored; the ledger records are damaged"
        }
    }
}
