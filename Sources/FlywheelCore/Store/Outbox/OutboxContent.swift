/// A message as rendered when it was enqueued: every attempt sends exactly this.
///
/// E-mail has a subject, a plain-text body and usually HTML; SMS has only `text`. `headers` are extra
/// e-mail headers (List-Unsubscribe and its one-click partner).
public struct OutboxContent: Sendable, Hashable {
    /// The e-mail subject; `nil` for SMS.
    public var subject: String?
    /// The plain-text e-mail body, or the SMS text.
    public var text: String
    /// The HTML alternative of an e-mail, when there is one.
    public var html: String?
    /// Extra e-mail headers, in order.
    public var headers: [OutboxHeader]

    /// Rendered content.
    public init(subject: String? = nil, text: String, html: String? = nil, headers: [OutboxHeader] = []) {
        self.subject = subject
        self.text = text
        self.html = html
        self.headers = headers
    }
}
