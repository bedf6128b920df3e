import FlywheelMessaging
import Foundation

/// Messages with German text, for the MIME and delivery tests.
enum SampleMessages {
    static let subject = "Grüße aus München – deine Bestellung Nr. 1042 ist unterwegs 🚚"
    static let text = """
        Hallo Jürgen,

        danke für deine Bestellung! Größe, Farbe und Maße: alles geprüft. Äpfel, Öl, Übergrößen – ß.
        .Diese Zeile beginnt mit einem Punkt.
        Eine sehr lange Zeile, die weit über sechsundsiebzig Zeichen hinausgeht, damit weiche Zeilenumbrüche nötig werden, und noch ein bisschen länger.
        Ende mit Leerzeichen   
        """
    static let html = "<p>Hallo <strong>Jürgen</strong>, danke für deine Bestellung! Größe: M – “Grün”</p>"

    static func message(to address: String = "juergen@example.de", number: Int = 1) -> MailMessage {
        MailMessage(
            from: MailAddress("shop@example.de", name: "Müller & Söhne, Köln"),
            to: [MailAddress(address, name: "Jürgen Groß")],
            replyTo: MailAddress("hilfe@example.de", name: "Kundenservice"),
            subject: subject,
            text: text,
            html: html,
            date: Date(timeIntervalSince1970: 1_795_000_000),
            messageID: MailMessage.makeMessageID(domain: "mail.example.de"),
            unsubscribe: ListUnsubscribe(url: "https://shop.example.de/u/abc123?sig=Zm9v", mailto: "unsubscribe+abc123@example.de"),
            messageKey: "flow-7/step-2/customer-\(number)")
    }
}
