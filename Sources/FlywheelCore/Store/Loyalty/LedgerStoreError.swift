/// Why the store refused a ledger transaction; nothing of it was stored. The description names the source
/// event or the record and the reason, never a customer's data.
public struct LedgerStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Code: Hashable, Sendable {
        case duplicateSource(kind: String, key: String)
        case otherCustomer(record: String)
        case outOfSequence(record: String, expected: Int, got: Int)
        case unknownLot(entry: Int, lot: Int)
        case nonPositivePoints(record: String)
        case codeTaken(code: String)
    }

    private let code: Code

    /// The source event (kind and key) is already stored for this customer: it applies once.
    public static func duplicateSource(kind: String, key: String) -> LedgerStoreError {
        LedgerStoreError(code: .duplicateSource(kind: kind, key: key))
    }
    /// A record names another customer than the ledger's transaction.
    public static func otherCustomer(record: String) -> LedgerStoreError {
        LedgerStoreError(code: .otherCustomer(record: record))
    }
    /// A record's sequence or number is not the next one of the customer's ledger.
    public static func outOfSequence(record: String, expected: Int, got: Int) -> LedgerStoreError {
        LedgerStoreError(code: .outOfSequence(record: record, expected: expected, got: got))
    }
    /// An entry names a lot the customer's ledger does not have.
    public static func unknownLot(entry: Int, lot: Int) -> LedgerStoreError {
        LedgerStoreError(code: .unknownLot(entry: entry, lot: lot))
    }
    /// An entry or lot of zero or negative points.
    public static func nonPositivePoints(record: String) -> LedgerStoreError {
        LedgerStoreError(code: .nonPositivePoints(record: record))
    }

    /// A redemption's code (its source key) is already another customer's: codes are unique across the shop
    /// (schema step `v8 loyalty codes`). Draw another code and try again.
    public static func codeTaken(_ code: String) -> LedgerStoreError {
        LedgerStoreError(code: .codeTaken(code: code))
    }

    /// The code another customer already holds, when that is why the transaction was refused.
    public var takenCode: String? {
        if case .codeTaken(let code) = code { return code }
        return nil
    }

    public var description: String {
        switch code {
        case .duplicateSource(let kind, let key):
            "the source event \(kind):\(key) was already applied to this customer's ledger; it applies once"
        case .otherCustomer(let record):
            "\(record) belongs to another customer than the ledger transaction's; write each customer's ledger "
                + "in its own transaction"
        case .outOfSequence(let record, let expected, let got):
            "\(record): expected number \(expected), got \(got); records are appended in order, without gaps"
        case .unknownLot(let entry, let lot):
            "ledger entry \(entry) names lot \(lot), which the customer's ledger does not have; append the lot first"
        case .nonPositivePoints(let record):
            "\(record): points must be positive"
        case .codeTaken(let code):
            "the redemption code \(code) is already issued to another customer; codes are unique across the shop, "
                + "draw another"
        }
    }
}
