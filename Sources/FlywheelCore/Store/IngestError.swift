/// A batch the store refused; nothing of the batch was stored. Names the record and the field.
public struct IngestError: Error, Hashable, Sendable, CustomStringConvertible {
    public var record: String
    public var field: String
    public var reason: String

    public init(record: String, field: String, reason: String) {
        self.record = record
        self.field = field
        self.reason = reason
    }

    public var description: String { "\(record): \(field) \(reason)" }

    /// The refusal of a record (e.g. `refund R1`) whose order is neither stored nor in the batch.
    public static func unknownOrder(_ record: String) -> IngestError {
        IngestError(record: record, field: "order_id", reason: "names an order that does not exist")
    }

    /// The refusal of a record whose customer is neither stored nor in the batch.
    public static func unknownCustomer(_ record: String) -> IngestError {
        IngestError(record: record, field: "customer_id", reason: "names a customer that does not exist")
    }
}
