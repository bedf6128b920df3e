/// How to reach an HTTP SMS gateway: the URL to POST to, headers (authentication), and a body template.
///
/// The body is a Mustache template over `to`, `from`, `text` and `key` (the message key); values are
/// escaped for the body's format: JSON string contents, or form-urlencoding.
/// ```
/// {"to": "{{to}}", "from": "{{from}}", "text": "{{text}}", "reference": "{{key}}"}
/// to={{to}}&from={{from}}&body={{text}}
/// ```
public struct SMSGatewayConfiguration: Sendable, CustomStringConvertible {
    /// The body's format.
    public enum BodyFormat: String, Sendable, Hashable {
        /// `application/json`; values escaped as JSON string contents.
        case json
        /// `application/x-www-form-urlencoded`; values percent-encoded.
        case form

        var contentType: String {
            switch self {
            case .json: "application/json"
            case .form: "application/x-www-form-urlencoded"
            }
        }
    }

    /// The URL to POST to (HTTPS in production).
    public var url: String
    /// Headers to send, e.g. `["Authorization": "Bearer …"]`. Never printed.
    public var headers: [String: String]
    /// The body's format.
    public var bodyFormat: BodyFormat
    /// The body template.
    public var bodyTemplate: String
    /// The sender name or number, `{{from}}` in the template.
    public var sender: String
    /// The header carrying the message key, so the gateway can drop duplicates; nil sends none.
    public var idempotencyHeader: String?
    /// Status codes that mean "accepted".
    public var successStatusCodes: ClosedRange<Int>
    /// How long one request may take.
    public var timeout: Duration

    /// Creates a configuration; defaults: JSON body with to/from/text/reference, success on 2xx, 10 s.
    public init(
        url: String,
        headers: [String: String] = [:],
        bodyFormat: BodyFormat = .json,
        bodyTemplate: String = #"{"to":"{{to}}","from":"{{from}}","text":"{{text}}","reference":"{{key}}"}"#,
        sender: String = "",
        idempotencyHeader: String? = "Idempotency-Key",
        successStatusCodes: ClosedRange<Int> = 200...299,
        timeout: Duration = .seconds(10)
    ) {
        self.url = url
        self.headers = headers
        self.bodyFormat = bodyFormat
        self.bodyTemplate = bodyTemplate
        self.sender = sender
        self.idempotencyHeader = idempotencyHeader
        self.successStatusCodes = successStatusCodes
        self.timeout = timeout
    }

    public var description: String {
        "SMSGatewayConfiguration(url: \(url), headers: \(headers.keys.sorted()) (values hidden), body: \(bodyFormat))"
    }
}
