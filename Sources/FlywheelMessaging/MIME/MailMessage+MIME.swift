import Foundation

extension MailMessage {
    /// The message as RFC 5322 / MIME bytes with CRLF line ends, ready for `SMTPEnvelope`: ASCII only
    /// (7bit-clean), so it passes any relay.
    public func mimeBytes() -> [UInt8] {
        Array(mimeText().utf8)
    }

    /// The message as text (ASCII, CRLF line ends).
    public func mimeText() -> String {
        var headers = ""
        headers += HeaderEncoding.line(name: "Date", value: RFC5322Date.format(date))
        headers += HeaderEncoding.line(name: "From", value: from.headerValue)
        headers += HeaderEncoding.line(name: "To", value: to.map(\.headerValue).joined(separator: ", "))
        if let replyTo { headers += HeaderEncoding.line(name: "Reply-To", value: replyTo.headerValue) }
        headers += HeaderEncoding.line(name: "Subject", value: HeaderEncoding.unstructured(subject))
        headers += HeaderEncoding.line(name: "Message-ID", value: "<\(messageID)>")
        if let unsubscribe {
            headers += HeaderEncoding.line(name: "List-Unsubscribe", value: unsubscribe.headerValue)
            headers += HeaderEncoding.line(name: "List-Unsubscribe-Post", value: "List-Unsubscribe=One-Click")
        }
        if let messageKey { headers += HeaderEncoding.line(name: "X-Flywheel-Message-Key", value: messageKey) }
        for header in additionalHeaders {
            headers += HeaderEncoding.line(name: header.name, value: HeaderEncoding.unstructured(header.value))
        }
        headers += "MIME-Version: 1.0\r\n"

        let textPart = "Content-Type: text/plain; charset=UTF-8\r\n"
            + "Content-Transfer-Encoding: quoted-printable\r\n\r\n" + QuotedPrintable.encode(text) + "\r\n"
        guard let html else { return headers + textPart }
        // "=_" never occurs in quoted-printable output, so the boundary cannot collide with the content.
        let boundary = "=_flywheel_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let htmlPart = "Content-Type: text/html; charset=UTF-8\r\n"
            + "Content-Transfer-Encoding: quoted-printable\r\n\r\n" + QuotedPrintable.encode(html) + "\r\n"
        return headers
            + "Content-Type: multipart/alternative;\r\n boundary=\"\(boundary)\"\r\n\r\n"
            + "This is a MIME message with a plain-text and an HTML version.\r\n"
            + "--\(boundary)\r\n" + textPart
            + "--\(boundary)\r\n" + htmlPart
            + "--\(boundary)--\r\n"
    }
}
