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

    static func unknownOrder(_ record: String, _ orderID: String) -> IngestError {
        IngestError(record: record, field: "order_id", reason: "names an order that does not exist")
    }
}
