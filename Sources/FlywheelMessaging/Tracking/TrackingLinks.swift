public import Foundation

/// Makes a rendered message measurable: its links go through the server's signed click redirect and its
/// HTML gets an open pixel (docs/flows.md, "Measurement").
///
/// The URLs come from the caller (the server signs them; this module knows no key): `open(messageID)` is the
/// pixel's address, `click(messageID, target)` the redirect for one link, `nil` to leave that link alone
/// (e.g. a target too long for a token). Links to the customer's own pages (unsubscribe, preferences — every
/// URL starting with one of `excludedPrefixes`) and `excluded` URLs are never wrapped: they are signed
/// already, and an unsubscribe link must work even where the redirect does not.
///
/// HTML always gets both; plain text and SMS only when `rewritesPlainText` / `rewritesSMS` say so. A wrapped
/// link carries the whole target in its token, so it is several times longer than the target: harmless in
/// HTML, ugly in a text part, and in an SMS it can cost a second segment — a shop with a link shortener
/// in front turns `rewritesSMS` on.
public struct TrackingLinks: Sendable {
    public typealias OpenURL = @Sendable (_ messageID: String) -> URL
    public typealias ClickURL = @Sendable (_ messageID: String, _ target: URL) -> URL?

    private let open: OpenURL
    private let click: ClickURL
    public var excludedPrefixes: [String]
    public var rewritesPlainText: Bool
    public var rewritesSMS: Bool

    public init(
        excludedPrefixes: [String] = [], rewritesPlainText: Bool = false, rewritesSMS: Bool = false,
        open: @escaping OpenURL, click: @escaping ClickURL
    ) {
        self.excludedPrefixes = excludedPrefixes
        self.rewritesPlainText = rewritesPlainText
        self.rewritesSMS = rewritesSMS
        self.open = open
        self.click = click
    }

    /// The HTML with every `http(s)` `href` wrapped (except excluded ones) and the open pixel added before
    /// `</body>` (or at the end).
    public func html(_ html: String, messageID: String, excluding excluded: Set<String> = []) -> String {
        var output = HTMLLinkRewriter.rewrite(html) { target in
            wrapped(target, messageID: messageID, excluded: excluded)
        }
        let pixel =
            "<img src=\"\(HTMLEscaping.byCharacter(open(messageID).absoluteString))\" width=\"1\" height=\"1\" alt=\"\" "
            + "style=\"display:block;border:0;width:1px;height:1px\">"
        if let body = output.range(of: "</body>", options: [.caseInsensitive, .backwards]) {
            output.insert(contentsOf: pixel, at: body.lowerBound)
        } else {
            output += pixel
        }
        return output
    }

    /// A plain-text part or SMS with its bare `http(s)` URLs wrapped (except excluded ones).
    public func text(_ text: String, messageID: String, excluding excluded: Set<String> = []) -> String {
        TextLinkRewriter.rewrite(text) { target in wrapped(target, messageID: messageID, excluded: excluded) }
    }

    /// The redirect for `target`, or `nil` to keep it.
    func wrapped(_ target: String, messageID: String, excluded: Set<String>) -> String? {
        guard !excluded.contains(target), !excludedPrefixes.contains(where: { target.hasPrefix($0) }),
            let url = URL(string: target), let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http",
            url.host != nil
        else { return nil }
        return click(messageID, url)?.absoluteString
    }
}
