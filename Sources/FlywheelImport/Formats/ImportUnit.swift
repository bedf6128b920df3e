public import FlywheelCore

/// Why one row (or the order it belongs to) was not imported: line, field and reason.
public struct RowRejection: Error, Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    /// The column as named in the file's header (or the domain's field path).
    public var field: String
    public var reason: String

    public init(line: Int, field: String, reason: String) {
        self.line = line
        self.field = field
        self.reason = reason
    }

    public var description: String { "line \(line): \(field): \(reason)" }
}

/// The smallest piece of a file that is stored or rejected whole: one order with what belongs to it
/// (customer, products, refund, shipment), or for CDNOW the orders of one customer on one day.
///
/// Units end on record boundaries, so an import's checkpoint always sits between two units.
public struct ImportUnit: Sendable {
    public enum Content: Sendable {
        case records(IngestBatch)
        case rejected(RowRejection)
    }

    public var content: Content
    /// The line on which the unit's first record starts.
    public var firstLine: Int
    /// Rows of the file in the unit.
    public var rows: Int
    /// Byte offset and line number just after the unit's last record.
    public var endOffset: Int64
    public var nextLine: Int
}
