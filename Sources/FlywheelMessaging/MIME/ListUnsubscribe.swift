/// The unsubscribe targets of a message (RFC 2369 `List-Unsubscribe`), with one-click unsubscribe by
/// HTTPS POST (RFC 8058 `List-Unsubscribe-Post: List-Unsubscribe=One-Click`).
public struct ListUnsubscribe: Sendable, Hashable {
    /// The signed HTTPS link that unsubscribes on POST (one click) and shows the preference page on GET.
    public var url: String
    /// The mailto address that unsubscribes by mail, e.g. `unsubscribe+TOKEN@shop.example`.
    public var mailto: String?

    /// Creates the targets.
    public init(url: String, mailto: String? = nil) {
        self.url = url
        self.mailto = mailto
    }

    /// The `List-Unsubscribe` header value.
    var headerValue: String {
        var targets = ["<\(url)>"]
        if let mailto { targets.append("<mailto:\(mailto)>") }
        return targets.joined(separator: ", ")
    }
}
