import FlywheelCore
import FlywheelFlows
import FlywheelMessaging
import Foundation
import Testing

/// Links through the click redirect and the open pixel: what is wrapped, what never is, and the enqueuer's use.
@Suite("Tracking links")
struct TrackingLinksTests {
    /// Fake signed URLs that show what they were made from.
    static func links(text: Bool = false, sms: Bool = false) -> TrackingLinks {
        TrackingLinks(
            excludedPrefixes: ["https://fw.example/c/"], rewritesPlainText: text, rewritesSMS: sms,
            open: { URL(string: "https://fw.example/c/o?t=open-\($0)&v=1")! },
            click: { message, target in
                URL(string: "https://fw.example/c/r?t=\(message)~" + target.absoluteString.replacingOccurrences(of: "&", with: "!"))
            })
    }

    @Test("HTML: http(s) hrefs wrapped (entities unescaped, result escaped), others and excluded kept, pixel before </body>")
    func html() {
        let html = """
            <html><body><p data-href="https://no.example/">x</p>
            <a class="b" href="https://shop.example/p?a=1&amp;b=2">Shop</a>
            <a HREF='http://shop.example/x'>x</a> <a href="mailto:hilfe@shop.example">Mail</a>
            <a href="https://shop.example/u/1?sig=abc">Abmelden</a> <a href="https://fw.example/c/preferences?t=z">P</a>
            <p>href="https://text.example/" outside a tag</p></body></html>
            """
        let out = Self.links().html(html, messageID: "m1", excluding: ["https://shop.example/u/1?sig=abc"])
        #expect(out.contains("href=\"https://fw.example/c/r?t=m1~https://shop.example/p?a=1!b=2\""))
        #expect(out.contains("HREF='https://fw.example/c/r?t=m1~http://shop.example/x'"))
        #expect(out.contains("data-href=\"https://no.example/\""))
        #expect(out.contains("href=\"mailto:hilfe@shop.example\""))
        #expect(out.contains("href=\"https://shop.example/u/1?sig=abc\""))
        #expect(out.contains("href=\"https://fw.example/c/preferences?t=z\""))
        #expect(out.contains("<p>href=\"https://text.example/\" outside a tag</p>"))
        #expect(
            out.hasSuffix(
                "<img src=\"https://fw.example/c/o?t=open-m1&amp;v=1\" width=\"1\" height=\"1\" alt=\"\" "
                    + "style=\"display:block;border:0;width:1px;height:1px\"></body></html>"))
    }

    @Test("text: bare URLs wrapped without the sentence's punctuation; excluded ones kept")
    func text() {
        let out = Self.links(text: true).text(
            "Hier: https://shop.example/r/1042. Abmelden: https://shop.example/u/1 (oder http://a.example/x).",
            messageID: "m2", excluding: ["https://shop.example/u/1"])
        #expect(
            out == "Hier: https://fw.example/c/r?t=m2~https://shop.example/r/1042. Abmelden: https://shop.example/u/1 "
                + "(oder https://fw.example/c/r?t=m2~http://a.example/x).")
    }

    @Test("the enqueuer: HTML tracked, unsubscribe untouched; text and SMS only with their flags")
    func enqueuer() throws {
        let plain = OutboxEnqueuer(
            templates: try MessageTemplates.bundled(), store: InMemoryStore(), unsubscribeURL: OutboxFixtures.unsubscribe,
            tracking: Self.links())
        let outgoing = OutboxFixtures.outgoing()
        let id = OutboxEnqueuer.messageID(idempotencyKey: outgoing.idempotencyKey, createdAt: outgoing.createdAt)
        let message = try plain.render(outgoing, recipient: "j@example.de", values: OutboxFixtures.values)
        let html = try #require(message.content.html)
        #expect(html.contains("https://fw.example/c/o?t=open-\(id)&amp;v=1"))
        #expect(html.contains("https://fw.example/c/r?t=\(id)~https://shop.example/r/1042"))
        #expect(!html.contains("href=\"https://shop.example/r/1042\""))
        #expect(html.contains("href=\"https://shop.example/u/c-42/email?sig=abc\""))  // unsubscribe as it was
        #expect(message.content.text.contains("https://shop.example/r/1042"))
        #expect(!message.content.text.contains("fw.example"))

        let withText = OutboxEnqueuer(
            templates: try MessageTemplates.bundled(), store: InMemoryStore(), unsubscribeURL: OutboxFixtures.unsubscribe,
            tracking: Self.links(text: true, sms: true))
        let text = try withText.render(outgoing, recipient: "j@example.de", values: OutboxFixtures.values).content.text
        #expect(text.contains("https://fw.example/c/r?t=\(id)~https://shop.example/r/1042"))
        #expect(text.contains("Abmelden: https://shop.example/u/c-42/email?sig=abc"))
        let sms = try withText.render(
            OutboxFixtures.outgoing(channel: .sms), recipient: "+4915112345678", values: OutboxFixtures.values)
        #expect(sms.content.text.contains("https://fw.example/c/r?t="))
        let untrackedSMS = try plain.render(
            OutboxFixtures.outgoing(channel: .sms), recipient: "+4915112345678", values: OutboxFixtures.values)
        #expect(!untrackedSMS.content.text.contains("fw.example"))
    }
}
