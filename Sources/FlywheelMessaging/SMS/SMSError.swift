/// Why an SMS was not accepted: the gateway's status code when it answered, and whether a later attempt may
/// succeed (`isRetryable`: 408, 425, 429, 5xx, network failures and timeouts) or not (other 4xx, 3xx,
/// configuration problems).
public struct SMSError: Error, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public enum Code: String, Sendable, Hashable {
        /// The gateway answered with a status code outside the configured success range.
        case rejected
        /// The request did not complete (connection refused or lost, DNS).
        case transport
        /// The gateway did not answer in time.
        case timeout
        /// The configuration cannot make a request (bad URL, bad template).
        case configuration
    }

    /// The kind of failure.
    public var code: Code
    /// The gateway's status code, when it answered.
    public var statusCode: Int?
    /// What went wrong (the start of the gateway's answer, never the auth header).
    public var detail: String

    /// Creates an error.
    public init(code: Code, statusCode: Int? = nil, detail: String) {
        self.code = code
        self.statusCode = statusCode
        self.detail = detail
    }

    /// Whether the same SMS may succeed when sent again later.
    public var isRetryable: Bool {
        switch code {
        case .transport, .timeout: return true
        case .configuration: return false
        case .rejected:
            guard let statusCode else { return false }
            return statusCode >= 500 || [408, 425, 429].contains(statusCode)
        }
    }

    public var description: String {
        let status = statusCode.map { " (HTTP \($0))" } ?? ""
        return "SMS gateway \(code.rawValue)\(status): \(detail)" + (isRetryable ? " [temporary, retry later]" : " [permanent]")
    }
}
