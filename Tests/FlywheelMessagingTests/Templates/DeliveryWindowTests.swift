import FlywheelCore
import Foundation
import Testing

@testable import FlywheelMessaging

@Suite("The delivery window restated from the shop's usual delivery days")
struct DeliveryWindowTests {
    static let calendar = ShopCalendar(timeZone: TimeZone(identifier: "Europe/Berlin")!)
    /// Friday 27 February 2026, 18:00 in Berlin: 2-4 working days is Tue 3 … Thu 5 March.
    static let placed = calendar.instant(localDate: CivilDate(year: 2026, month: 2, day: 27)!, secondsOfDay: 18 * 3600)

    static func order() -> FlywheelCore.Order {
        FlywheelCore.Order(
            externalID: "1042", customerExternalID: "c1", placedAt: placed, currency: .eur,
            lineItems: [LineItem(sku: "TEA", title: "Sencha", quantity: 1, totalMinor: 1200)], subtotalMinor: 1200,
            totalMinor: 1200)
    }

    static func context(_ locale: ShopLocale, shipments: [Shipment] = [], days: DeliveryDays? = DeliveryDays(earliest: 2, latest: 4))
        -> MessageContext
    {
        MessageContext(
            shop: .init(name: "Berg & Tal"), customer: Customer(externalID: "c1", firstName: "Jonas"), order: order(),
            shipments: shipments, locale: locale, calendar: calendar, deliveryDays: days)
    }

    @Test("wording: within a month, across months, a single day (de and en)")
    func wording() {
        let de = MessageFormat(.de)
        let en = MessageFormat(.en)
        let tue = CivilDate(year: 2026, month: 3, day: 3)!
        let thu = CivilDate(year: 2026, month: 3, day: 5)!
        let fri = CivilDate(year: 2026, month: 2, day: 27)!
        #expect(de.deliveryWindow(from: tue, to: thu) == "zwischen Di, 3. und Do, 5. März")
        #expect(en.deliveryWindow(from: tue, to: thu) == "between Tue 3 and Thu 5 March")
        #expect(de.deliveryWindow(from: fri, to: tue) == "zwischen Fr, 27. Februar und Di, 3. März")
        #expect(en.deliveryWindow(from: fri, to: tue) == "between Fri 27 February and Tue 3 March")
        #expect(de.deliveryWindow(from: tue, to: tue) == "am Di, 3. März")
        #expect(en.deliveryWindow(from: tue, to: tue) == "on Tue 3 March")
    }

    @Test("without a shipment promise the order confirmation restates the window from the order's time; a promise wins; none once delivered")
    func orderConfirmation() throws {
        let templates = try MessageTemplates.bundled()
        let german = try templates.renderEmail("order_confirmation", locale: "de", values: Self.context(.de).values)
        #expect(german.text.contains("Ihr Paket kommt voraussichtlich zwischen Di, 3. und Do, 5. März."))
        #expect(german.html?.contains("<strong>zwischen Di, 3. und Do, 5. März</strong>") == true)
        let english = try templates.renderEmail("order_confirmation", locale: "en", values: Self.context(.en).values)
        #expect(english.text.contains("Your parcel should arrive between Tue 3 and Thu 5 March."))
        let sms = try templates.renderSMS("order_confirmation", locale: "de", values: Self.context(.de).values)
        #expect(sms.text.contains("Lieferung voraussichtlich zwischen Di, 3. und Do, 5. März."))

        // A shipment's promise wins over the usual days.
        let promised = Shipment(
            externalID: "s1", orderExternalID: "1042", carrier: "DHL", shippedAt: Self.placed + 3600,
            promisedBy: Self.calendar.instant(localDate: CivilDate(year: 2026, month: 3, day: 2)!, secondsOfDay: 12 * 3600))
        let withPromise = try templates.renderEmail(
            "order_confirmation", locale: "de", values: Self.context(.de, shipments: [promised]).values)
        #expect(withPromise.text.contains("voraussichtlich bis Montag, 2. März"))
        #expect(!withPromise.text.contains("zwischen"))

        // Delivered: no window at all; no days configured: none either.
        var delivered = promised
        delivered.deliveredAt = Self.placed + 86_400
        #expect(Self.context(.de, shipments: [delivered]).order?.deliveryWindow == nil)
        #expect(Self.context(.de, days: nil).order?.deliveryWindow == nil)
    }
}
