/// Why a flow cannot be previewed; names the customer, order, step or template.
public struct PreviewError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public var message: String
    /// Whether a record the preview was asked for is missing (customer, order), rather than the flow or its
    /// templates being at fault.
    public var isNotFound: Bool

    public init(_ message: String, isNotFound: Bool = false) {
        self.message = message
        self.isNotFound = isNotFound
    }

    public var description: String { message }
}
