public import FlywheelCore

/// Consecutive units of an order-history file, merged: the records of the units read well and the
/// rejections of the others (`OrderHistoryReader.nextBatch`).
public struct OrderHistoryBatch: Sendable {
    /// Customers, products, orders, refunds and shipments of the units read well, in file order.
    public var records = IngestBatch()
    /// The rejected units: line, column and reason.
    public var rejections: [RowRejection] = []
    /// Physical rows of the file in the batch.
    public var rows = 0
    /// Where the file goes on after the batch.
    public var end = OrderHistoryReader.Position(offset: 0, line: 1)

    /// An empty batch.
    public init() {}
}
