import Foundation
import Testing

@testable import FlywheelMessaging

@Suite("Message templates")
struct MessageTemplatesTests {
    /// The ids the flow library in examples/flows/ uses (docs/flows.md).
    static let templateIDs = [
        "birthday", "cart_reminder", "cart_reminder_offer", "complete_the_set", "delivery_check_in",
        "first_order_anniversary", "loyalty_launch", "make_it_right_ack", "optin_confirmation", "order_confirmation",
        "points_expiry_final",
        "points_expiry_reminder", "replenishment_reminder", "review_reminder", "review_request", "vip_welcome",
        "win_back_bonus_points", "win_back_discount", "win_back_early_access", "win_back_last_call", "win_back_reminder",
    ]
    /// The ids with an SMS text.
    static let smsIDs: Set<String> = ["delivery_check_in", "order_confirmation", "review_request"]

    static func values(firstName: String = "Jürgen") -> TemplateValue {
        [
            "shop": ["name": "Kaffeerösterei Berg", "url": "https://berg.example", "support_email": "hallo@berg.example",
                     "address": "Hauptstraße 1, 10115 Berlin", "signature": "Lena von der Rösterei Berg"],
            "customer": ["first_name": .string(firstName)],
            "order": [
                "number": "1042", "total": "38,40 €", "delivery_window": "zwischen Donnerstag, 26. und Samstag, 28. November",
                "items": [["name": "Espresso Bohnen 1 kg", "quantity": 2, "price": "31,80 €"], ["name": "Filtertüten", "quantity": 1, "price": "6,60 €"]],
            ],
            "product": ["name": "Espresso Bohnen"],
            "points": ["balance": 840, "expiring": 200, "expiry_date": "31.12.2026", "value": "8,40 €", "expiring_value": "2,00 €"],
            "tier": ["name": "Gold"],
            "offer": ["description": "10 % auf Ihre nächste Bestellung", "code": "WIEDERDA10", "expires": "15.12.2026"],
            "cart": ["items": [["name": "Filtertüten", "quantity": 1, "price": "6,60 €"]], "total": "6,60 €"],
            "ticket": ["reference": "MIR-1042"],
            "personal_line": "Lena hat Ihre Bohnen heute Morgen frisch geröstet.",
            "recommendations": [["name": "Hafer-Drink Barista", "url": "https://berg.example/p/hafer"]],
            "links": ["unsubscribe": "https://berg.example/u/t0k3n", "preferences": "https://berg.example/p/t0k3n",
                      "review": "https://berg.example/r/1042", "check_in_ok": "https://berg.example/c/1042/ok",
                      "check_in_problem": "https://berg.example/c/1042/problem", "shop": "https://berg.example/?c=WIEDERDA10",
                      "reorder": "https://berg.example/reorder/1042", "cart": "https://berg.example/cart",
                      "confirm": "https://berg.example/c/confirm?t=t0k3n"],
            "confirmation": ["expires": "01.12.2026"],
            "consent": ["optout_notice": true],
        ]
    }

    @Test("the bundled templates are the library's ids, each in German and English with subject, text and HTML")
    func bundledSet() throws {
        let templates = try MessageTemplates.bundled()
        #expect(templates.templateIDs == Self.templateIDs)
        for id in Self.templateIDs {
            #expect(templates.locales(of: id) == ["de", "en"], "\(id)")
            for locale in ["de", "en"] {
                let email = try templates.renderEmail(id, locale: locale, values: Self.values())
                #expect(email.locale == locale)
                #expect(!email.subject.isEmpty && !email.subject.contains("\n"), "\(id)/\(locale)")
                #expect(email.text.contains("Jürgen"), "\(id)/\(locale)")
                #expect(email.text.contains("Kaffeerösterei Berg"), "\(id)/\(locale): layout footer missing")
                #expect(email.text.contains("https://berg.example/u/t0k3n"), "\(id)/\(locale): unsubscribe link missing")
                #expect(!email.text.contains("{{") && !email.text.contains("}}"))
                let html = try #require(email.html)
                #expect(html.hasPrefix("<!DOCTYPE html>"), "\(id)/\(locale): layout missing")
                #expect(html.contains("lang=\"\(locale)\""))
                #expect(html.contains("J&#252;rgen") || html.contains("Jürgen"))
                guard Self.smsIDs.contains(id) else {
                    #expect(throws: TemplateError.self) { try templates.renderSMS(id, locale: locale, values: Self.values()) }
                    continue
                }
                let sms = try templates.renderSMS(id, locale: locale, values: Self.values())
                #expect(sms.text.contains("Berg") && sms.text.count <= 320, "\(id)/\(locale) SMS: \(sms.text)")
            }
        }
    }

    @Test("the order confirmation thanks by name, restates the delivery window and lists the items")
    func orderConfirmation() throws {
        let email = try MessageTemplates.bundled().renderEmail("order_confirmation", locale: "de", values: Self.values())
        #expect(email.subject == "Danke für Ihre Bestellung, Jürgen!")
        #expect(email.text.contains("Hallo Jürgen,"))
        #expect(email.text.contains("Ihr Paket kommt voraussichtlich zwischen Donnerstag, 26. und Samstag, 28. November."))
        #expect(email.text.contains("Lena hat Ihre Bohnen heute Morgen frisch geröstet."))
        #expect(email.text.contains("Ihre Bestellung 1042:\n  2 × Espresso Bohnen 1 kg – 31,80 €\n  1 × Filtertüten – 6,60 €\n  Summe: 38,40 €"))
        let english = try MessageTemplates.bundled().renderEmail("order_confirmation", locale: "en", values: Self.values(firstName: "Jane"))
        #expect(english.subject == "Thank you for your order, Jane!")
        #expect(english.text.contains("Your parcel should arrive zwischen"))  // the caller formats the window in the locale
    }

    @Test("locale fallback: de-AT uses de, fr uses the default en")
    func fallback() throws {
        let templates = try MessageTemplates.bundled()
        #expect(try templates.renderEmail("win_back_reminder", locale: "de-AT", values: Self.values()).locale == "de")
        #expect(try templates.renderEmail("win_back_reminder", locale: "de_at", values: Self.values()).locale == "de")
        #expect(try templates.renderEmail("win_back_reminder", locale: "fr-FR", values: Self.values()).locale == "en")
        #expect(LocaleFallback.chain(for: "de-AT") == ["de-at", "de", "en"])
        #expect(LocaleFallback.chain(for: "en-GB") == ["en-gb", "en"])
    }

    @Test("HTML escapes values by default; plain text, subject and SMS do not")
    func escaping() throws {
        let templates = try MessageTemplates.bundled()
        let hostile = "<script>alert(\"x\")</script> & Co"
        let email = try templates.renderEmail("order_confirmation", locale: "en", values: Self.values(firstName: hostile))
        let html = try #require(email.html)
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co"))
        #expect(email.text.contains("Hi \(hostile),"))
        #expect(email.subject.contains(hostile))
        #expect(try templates.renderSMS("order_confirmation", locale: "en", values: Self.values(firstName: hostile)).text.contains(hostile))
    }

    @Test("optional blocks disappear when their values are missing; the opt-out notice follows its flag")
    func optionalBlocks() throws {
        let templates = try MessageTemplates.bundled()
        var values = Self.values()
        guard case .object(var fields) = values else { return }
        fields["recommendations"] = .list([])
        fields["offer"] = .object([:])
        fields["consent"] = .object(["optout_notice": false])
        values = .object(fields)
        let email = try templates.renderEmail("win_back_discount", locale: "de", values: values)
        #expect(!email.text.contains("Das könnte Ihnen gefallen"))
        #expect(!email.text.contains("Ihr Code"))
        let full = try templates.renderEmail("win_back_discount", locale: "de", values: Self.values())
        #expect(full.text.contains("Das könnte Ihnen gefallen:\n  Hafer-Drink Barista: https://berg.example/p/hafer"))
        #expect(full.text.contains("10 % auf Ihre nächste Bestellung – Ihr Code: WIEDERDA10, gültig bis 15.12.2026."))
        #expect(!email.text.contains("widersprechen"))
        let withNotice = try templates.renderEmail("review_request", locale: "de", values: Self.values())
        #expect(withNotice.text.contains("jederzeit widersprechen"))
        #expect(withNotice.html?.contains("jederzeit widersprechen") == true)
    }

    @Test("a folder of templates loads; a missing template or locale is an error naming it")
    func folderAndErrors() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("hello"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("_partials"), withIntermediateDirectories: true)
        try "Moin {{name}}".write(to: folder.appendingPathComponent("hello/de.subject.txt"), atomically: true, encoding: .utf8)
        try "{{<frame.txt}}{{$body}}Moin {{name}}!{{/body}}{{/frame.txt}}".write(to: folder.appendingPathComponent("hello/de.txt"), atomically: true, encoding: .utf8)
        try "[{{$body}}{{/body}}]".write(to: folder.appendingPathComponent("_partials/frame.txt"), atomically: true, encoding: .utf8)
        let templates = try MessageTemplates(directory: folder, defaultLocale: "de")
        let email = try templates.renderEmail("hello", locale: "en", values: ["name": "Ute & Co"])
        #expect(email == RenderedEmail(subject: "Moin Ute & Co", text: "[Moin Ute & Co!]\n", html: nil, locale: "de"))
        #expect(throws: TemplateError.self) { try templates.renderEmail("missing", locale: "de", values: [:]) }
        let error = #expect(throws: TemplateError.self) { try templates.renderSMS("hello", locale: "de", values: [:]) }
        #expect(error?.description.contains("hello") == true)
        #expect(error?.description.contains("sms.txt") == true)

        try "{{#open}}".write(to: folder.appendingPathComponent("hello/de.html"), atomically: true, encoding: .utf8)
        let parse = #expect(throws: TemplateError.self) { try MessageTemplates(directory: folder) }
        #expect(parse?.description.contains("hello/de.html") == true)
    }
}
