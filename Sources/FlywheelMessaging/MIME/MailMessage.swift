public import Foundation

/// An e-mail to render as MIME: a plain-text part and, when given, an HTML alternative
/// (`multipart/alternative`, both UTF-8 quoted-printable), with the headers a marketing-grade message
/// needs: Date, Message-ID, List-Unsubscribe (+ one-click Post) and an idempotency key.
public struct MailMessage: Sendable {
    /// The author.
    public var from: MailAddress
    /// The recipients.
    public var to: [MailAddress]
    /// Where replies go, when not to `from`.
    public var replyTo: MailAddress?
    /// The subject, any Unicode.
    public var subject: String
    /// The plain-text body.
    public var text: String
    /// The HTML body; nil sends text only.
    public var html: String?
    /// The Date header (the time of rendering, passed in).
    public var date: Date
    /// The Message-ID without angle brackets: `unique@our-domain`.
    public var messageID: String
    /// Unsubscribe targets; nil for transactional mail that has none.
    public var unsubscribe: ListUnsubscribe?
    /// The idempotency key of this logical message (`X-Flywheel-Message-Key`): a retry carries the same key,
    /// so a duplicate can be recognised downstream.
    public var messageKey: String?
    /// The envelope sender for bounces; nil uses `from`.
    public var bounceAddress: String?
    /// Further headers (name, value), ASCII names; values are encoded when not ASCII.
    public var additionalHeaders: [(name: String, value: String)]

    /// Creates a message.
    public init(
        from: MailAddress,
        to: [MailAddress],
        replyTo: MailAddress? = nil,
        subject: String,
        text: String,
        html: String? = nil,
        date: Date,
        messageID: String,
        unsubscribe: ListUnsubscribe? = nil,
        messageKey: String? = nil,
        bounceAddress: String? = nil,
        additionalHeaders: [(name: String, value: String)] = []
    ) {
        self.from = from
        self.to = to
        self.replyTo = replyTo
        self.subject = subject
        self.text = text
        self.html = html
        self.date = date
        self.messageID = messageID
        self.unsubscribe = unsubscribe
        self.messageKey = messageKey
        self.bounceAddress = bounceAddress
        self.additionalHeaders = additionalHeaders
    }

    /// A new globally unique Message-ID on the given domain (random, 128 bits).
    public static func makeMessageID(domain: String) -> String {
        "\(UUID().uuidString.lowercased())@\(domain)"
    }
}
