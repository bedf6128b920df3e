import FlywheelCore
import FlywheelFlows
import Foundation
import Testing

@testable import FlywheelMessaging

@Suite("Flow preview: each message of a flow rendered for a customer")
struct FlowPreviewTests {
    static let berlin = ShopCalendar(timeZone: TimeZone(identifier: "Europe/Berlin")!)
    static let shop = MessageContext.Shop(
        name: "Kaffeerösterei Berg", url: "https://berg.example", supportEmail: "hallo@berg.example",
        address: "Hauptstraße 1, 10115 Berlin", signature: "Lena von der Rösterei Berg")
    /// 2026-11-24 09:00 UTC, a Tuesday.
    static let now = berlin.instant(localDate: CivilDate(year: 2026, month: 11, day: 24)!, secondsOfDay: 10 * 3600)

    static func flow(_ name: String) throws -> FlowDefinition {
        let url = ShippedTemplatesTests.examples.appendingPathComponent("\(name).json")
        return try FlowDocument.parse(try Data(contentsOf: url), name: name).get()
    }

    /// A store with Jürgen (German), his order 1042 (two lines, €38.40) and a parcel promised for Thursday.
    static func store(firstName: String = "Jürgen") async throws -> InMemoryStore {
        let store = InMemoryStore()
        var batch = IngestBatch()
        batch.customers = [Customer(externalID: "c1", email: "j@example.de", firstName: firstName, locale: .de)]
        batch.orders = [
            Order(
                externalID: "1041", customerExternalID: "c1", placedAt: now.addingTimeInterval(-90 * 86_400),
                currency: .eur, lineItems: [LineItem(title: "Alter Kaffee", quantity: 1, totalMinor: 990)],
                subtotalMinor: 990, totalMinor: 990),
            Order(
                externalID: "1042", customerExternalID: "c1", placedAt: now.addingTimeInterval(-3_600), currency: .eur,
                lineItems: [
                    LineItem(sku: "ESP-1", title: "Espresso-Bohnen 1 kg", quantity: 2, totalMinor: 3_180),
                    LineItem(sku: "FLT", title: "Filtertüten", quantity: 1, totalMinor: 660),
                ], subtotalMinor: 3_840, totalMinor: 3_840),
        ]
        batch.shipments = [
            Shipment(
                externalID: "s1", orderExternalID: "1042",
                promisedBy: berlin.instant(localDate: CivilDate(year: 2026, month: 11, day: 26)!, secondsOfDay: 18 * 3600))
        ]
        _ = try await store.ingest(batch)
        return store
    }

    static func preview() throws -> FlowPreview {
        FlowPreview(templates: try MessageTemplates.bundled(), calendar: berlin)
    }

    @Test("the order confirmation for a stored customer: name, last order's lines, total and delivery window, no unsubscribe")
    func orderConfirmationFromStore() async throws {
        let store = try await Self.store()
        let (locale, messages) = try await Self.preview().messages(
            of: try Self.flow("order_confirmation"), customerID: "c1", locale: nil, store: store, shop: Self.shop,
            defaultLocale: .en, now: Self.now)
        #expect(locale == .de)  // the customer's
        let message = try #require(messages.first)
        #expect(messages.count == 1)
        #expect(message.stepIndex == 0 && message.stepID == "send_confirmation")
        #expect(message.channel == .email && message.messageClass == .transactional)
        #expect(message.template == "order_confirmation" && message.locale == "de")
        #expect(message.subject == "Danke für Ihre Bestellung")  // the flow's subject
        #expect(message.text.hasPrefix("Hallo Jürgen,\n"))
        #expect(message.text.contains("Ihr Paket kommt voraussichtlich bis Donnerstag, 26. November."))
        #expect(message.text.contains("Ihre Bestellung 1042:\n  2 × Espresso-Bohnen 1 kg – 31,80 €\n  1 × Filtertüten – 6,60 €\n  Summe: 38,40 €"))
        #expect(!message.text.contains("Abmelden") && !message.text.contains("widersprechen"))
        #expect(message.html?.contains("<strong>bis Donnerstag, 26. November</strong>") == true)
    }

    @Test("English on request; an order named by id; a locale the flow lacks is refused")
    func localeAndOrder() async throws {
        let store = try await Self.store()
        let preview = try Self.preview()
        let (locale, messages) = try await preview.messages(
            of: try Self.flow("order_confirmation"), customerID: "c1", orderID: "1041", locale: .en, store: store,
            shop: Self.shop, defaultLocale: .de, now: Self.now)
        #expect(locale == .en)
        #expect(messages[0].subject == "Thank you for your order")
        #expect(messages[0].text.contains("Your order 1041:\n  1 × Alter Kaffee – €9.90\n  Total: €9.90"))
        #expect(!messages[0].text.contains("Your parcel should arrive"))  // no promise for 1041
        var germanOnly = try Self.flow("order_confirmation")
        germanOnly.locales = [.de]
        let error = await #expect(throws: PreviewError.self) {
            try await preview.messages(
                of: germanOnly, customerID: "c1", locale: .en, store: store, shop: Self.shop, defaultLocale: .de,
                now: Self.now)
        }
        #expect(error?.description == "flow order_confirmation has no locale en (it has de)")
    }

    @Test("a missing customer or order is named")
    func missingRecords() async throws {
        let store = try await Self.store()
        let preview = try Self.preview()
        let flow = try Self.flow("order_confirmation")
        let customer = await #expect(throws: PreviewError.self) {
            try await preview.messages(
                of: flow, customerID: "nobody", locale: nil, store: store, shop: Self.shop, defaultLocale: .de, now: Self.now)
        }
        #expect(customer?.description == "customer nobody: not found")
        #expect(customer?.isNotFound == true)
        let order = await #expect(throws: PreviewError.self) {
            try await preview.messages(
                of: flow, customerID: "c1", orderID: "9999", locale: nil, store: store, shop: Self.shop,
                defaultLocale: .de, now: Self.now)
        }
        #expect(order?.description == "order 9999: not found")
    }

    @Test("win-back: every branch in file order; the coupon issued before a send shows as its offer; marketing carries the notice")
    func winBackBranches() throws {
        let (_, messages) = try Self.preview().sampleMessages(
            of: try Self.flow("win_back"), locale: .de, shop: Self.shop, now: Self.now)
        #expect(messages.map(\.stepID) == [
            "send_early_access", "send_bonus_points", "send_discount", "send_reminder", "send_last_call",
        ])
        #expect(messages.map(\.template) == [
            "win_back_early_access", "win_back_bonus_points", "win_back_discount", "win_back_reminder",
            "win_back_last_call",
        ])
        #expect(messages.allSatisfy { $0.messageClass == .marketing })
        // 840 sample points + 200 given by give_bonus_points (their value unknown to the preview).
        #expect(messages[1].text.contains("Ihr Punktestand: 1040 Punkte.\n"))
        // issue_discount: 10 % for 14 days from 24 November → 8 December 2026.
        #expect(messages[2].text.contains("10 % Rabatt auf Ihre nächste Bestellung – Ihr Code: WB-PREVIEW, gültig bis 08.12.2026."))
        for message in messages {
            #expect(message.text.contains("jederzeit widersprechen"), "\(message.stepID)")
            #expect(message.text.contains("Abmelden: https://berg.example/c/unsubscribe?t=preview"), "\(message.stepID)")
        }
    }

    @Test("a customer's name is escaped in HTML and kept as written in the text")
    func escaping() async throws {
        let hostile = "<script>alert(1)</script>"
        let store = try await Self.store(firstName: hostile)
        let (_, messages) = try await Self.preview().messages(
            of: try Self.flow("delivery_check_in"), customerID: "c1", locale: nil, store: store, shop: Self.shop,
            defaultLocale: .de, now: Self.now)
        #expect(messages.map(\.template) == ["delivery_check_in", "make_it_right_ack"])
        #expect(messages.map(\.messageClass) == [.marketing, .service])
        for message in messages {
            let html = try #require(message.html)
            #expect(!html.contains("<script>"))
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(message.text.hasPrefix("Hallo \(hostile),\n"))
        }
        // Service messages keep the unsubscribe link but carry no objection notice.
        #expect(messages[1].text.contains("Abmelden:") && !messages[1].text.contains("widersprechen"))
    }

    @Test("money and dates read as a German or English customer expects")
    func formats() {
        let de = MessageFormat(.de)
        let en = MessageFormat(.en)
        #expect(de.money(Money(minorUnits: 123_450, currency: .eur)) == "1.234,50 €")
        #expect(en.money(Money(minorUnits: 123_450, currency: .eur)) == "€1,234.50")
        #expect(en.money(Money(minorUnits: -5, currency: .usd)) == "-$0.05")
        #expect(de.money(Money(minorUnits: 1_000, currency: CurrencyCode("JPY")!)) == "1.000 JPY")
        #expect(en.money(Money(minorUnits: 990, currency: CurrencyCode("CHF")!)) == "CHF 9.90")
        let day = CivilDate(year: 2026, month: 11, day: 26)!
        #expect(de.deliveryWindow(by: day) == "bis Donnerstag, 26. November")
        #expect(en.deliveryWindow(by: day) == "by Thursday, 26 November")
        #expect(de.date(CivilDate(year: 2026, month: 3, day: 1)!) == "01.03.2026")
        #expect(en.date(CivilDate(year: 2026, month: 3, day: 1)!) == "1 March 2026")
    }
}
