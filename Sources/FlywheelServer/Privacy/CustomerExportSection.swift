public import FlywheelCore

/// One member of a customer's data export: a name and how to collect its value for a customer (`nil` leaves
/// the member out). Later parts (loyalty ledger, message timeline, outbox) add their own section to
/// `CustomerDataExport.standardSections` or pass theirs to `CustomerDataExport(sections:)`.
public struct CustomerExportSection: Sendable {
    public let name: String
    public let collect: @Sendable (_ customer: Customer, _ store: any FlywheelStore) async throws -> (any Encodable & Sendable)?

    public init(
        _ name: String,
        collect: @escaping @Sendable (_ customer: Customer, _ store: any FlywheelStore) async throws -> (any Encodable & Sendable)?
    ) {
        self.name = name
        self.collect = collect
    }
}
