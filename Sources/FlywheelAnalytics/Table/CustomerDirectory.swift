/// The customers the table knows, numbered from 0 in order of first appearance (in any record), with the
/// few per-customer columns that are kept as records arrive: where the customer's order list starts and
/// ends, and the feedback facts that segment rules read.
public struct CustomerDirectory: Sendable {
    /// The shop's customer ids (`Customer.externalID`), by index.
    public private(set) var externalIDs: [String] = []
    private var indexes = StringIndex()
    /// The last customer interned: orders arrive grouped by customer, so most lookups end here.
    private var lastID = ""
    private var lastIndex: Int32 = -1
    /// The customer's first and last order row in arrival order (`-1`: none); rows link on through
    /// `OrderTable.nextOfCustomer`.
    var headRow: [Int32] = []
    var tailRow: [Int32] = []
    /// The latest NPS answer's score (`-1`: none) and when it was given (UTC seconds).
    var latestNPS: [Int8] = []
    var latestNPSAt: [Int64] = []
    /// How many reviews the customer wrote.
    var reviewCount: [Int32] = []

    /// An empty directory.
    public init() {}

    /// How many customers are known.
    public var count: Int { externalIDs.count }

    /// The index of a known customer.
    public func index(of externalID: String) -> Int32? { indexes.index(of: externalID, in: externalIDs) }

    /// Makes room for `count` customers in all.
    mutating func reserveCapacity(_ count: Int) {
        externalIDs.reserveCapacity(count)
        indexes.reserveCapacity(count, strings: externalIDs)
        headRow.reserveCapacity(count)
        tailRow.reserveCapacity(count)
        latestNPS.reserveCapacity(count)
        latestNPSAt.reserveCapacity(count)
        reviewCount.reserveCapacity(count)
    }

    /// The index of `externalID`, adding the customer when new.
    mutating func intern(_ externalID: String) -> Int32 {
        if lastIndex >= 0 && externalID == lastID { return lastIndex }
        lastID = externalID
        let (index, isNew) = indexes.index(of: externalID, orAdd: Int32(externalIDs.count), in: externalIDs)
        lastIndex = index
        guard isNew else { return index }
        externalIDs.append(externalID)
        headRow.append(-1)
        tailRow.append(-1)
        latestNPS.append(-1)
        latestNPSAt.append(Int64.min)
        reviewCount.append(0)
        lastIndex = index
        return index
    }
}
