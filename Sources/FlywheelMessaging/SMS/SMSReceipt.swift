/// The gateway's acceptance of an SMS.
public struct SMSReceipt: Sendable, Hashable {
    /// The HTTP status code.
    public var statusCode: Int
    /// The gateway's answer (up to 4 KiB), often carrying its message id.
    public var body: String
}
