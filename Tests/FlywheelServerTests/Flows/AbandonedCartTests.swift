import FlywheelAutomation
import FlywheelCore
import FlywheelFlows
import FlywheelMessaging
import FlywheelServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Abandoned carts: checkouts in through the API, the sweep, the reminder in the outbox, an order exits")
struct AbandonedCartTests {
    typealias S = FlowTestSupport

    static let links = CustomerLinkURLs(
        signer: CustomerLinkSigner(secret: Data("abandoned-cart-test-link-secret-0123456789".utf8)),
        baseURL: URL(string: "https://flywheel.shop.example")!)

    static func checkout(_ id: String, customer: String, created: Date, updated: Date, title: String = "Espresso <Bohnen> & Co")
        -> String
    {
        """
        {"id":"\(id)","customer_id":"\(customer)","email":"\(customer)@example.com",\
        "created_at":"\(S.text(created))","updated_at":"\(S.text(updated))","currency":"EUR","total_minor":3670,\
        "line_items":[{"sku":"ESP-1","title":"\(title)","quantity":2,"unit_price_minor":1590},\
        {"sku":"FIL-4","quantity":1,"unit_price_minor":490}],\
        "recovery_url":"https://bergkaffee.example/cart/\(id)?key=a&b=c"}
        """
    }

    @Test("post a checkout, pass the window, sweep: the reminder with items, total and link; an order ends the flow",
          arguments: S.Engine.allCases)
    func endToEnd(engine: S.Engine) async throws {
        try await engine.with { store in
            let start = S.berlin(2026, 11, 18, 12)
            let clock = ManualClock(start)
            let outbox = try #require(store as? any OutboxStore)
            let settings = ShopSettings(
                name: "Bergkaffee", currency: .eur, timeZoneIdentifier: "Europe/Berlin", defaultLocale: .de)
            try await store.saveShopSettings(settings)
            let effects = ServerFlowEffects(
                store: store, outbox: outbox, templates: try MessageTemplates.bundled(), links: Self.links,
                shop: MessageContext.Shop(name: "Bergkaffee", url: "https://bergkaffee.example"), settings: settings,
                loyalty: nil, webhooks: nil, now: { clock.now })
            let library = try S.examplesLibrary()
            let customer = try S.treatedCustomer(of: "abandoned_cart", in: library, prefix: "cart")
            let flows = FlowService(
                library: library, store: store, effects: effects, settings: settings,
                options: FlowServiceOptions(pollInterval: .milliseconds(20)), owner: "test")
            try await S.makeKeys(store, now: start)
            let router = try FlywheelServer.buildRouter(
                store: store, configuration: ServerConfiguration(), settings: settings, flows: flows, now: { clock.now })
            try await Application(router: router).test(.router) { client in
                #expect(try await client.send(.post, "/api/v1/customers", json: FlowBodies.customer(customer, locale: "de")).status == .created)
                let body = Self.checkout(
                    "tok-1", customer: customer, created: start.addingTimeInterval(-900), updated: start.addingTimeInterval(-300))
                #expect(try await client.send(.post, "/api/v1/checkouts", json: body).status == .created)
                let again = try await client.send(.post, "/api/v1/checkouts", json: body)
                #expect(again.status == .ok && again.object["result"] as? String == "unchanged")
                let read = try await client.send(.get, "/api/v1/checkouts/tok-1")
                #expect(read.status == .ok && read.object["total_minor"] as? Int == 3670)

                // Within the hour nothing is abandoned yet.
                #expect(try await flows.sweep(now: clock.now).entered == 0)
                // Past the hour (55 minutes later, the cart last changed 5 minutes before the start).
                clock.set(start.addingTimeInterval(56 * 60))
                let sweep = try await flows.sweep(now: clock.now)
                #expect(sweep.entered == 1 && sweep.failed == 0)
                _ = try await flows.scheduler.runDue(now: clock.now)
                let row = try #require(try await store.enrolments(customerID: customer).first { $0.flowID == "abandoned_cart" })
                #expect(row.entryKey.hasPrefix("abandoned_cart/\(customer)/cart_abandoned/tok-1/"))

                let messages = try await outbox.outboxMessages(customerID: customer)
                let reminder = try #require(messages.first { $0.templateID == "cart_reminder" })
                #expect(messages.count == 1)
                #expect(reminder.content.subject == "Ihr Warenkorb wartet")
                let text = reminder.content.text
                #expect(text.contains("2 × Espresso <Bohnen> & Co – 31,80 €"), "\(text)")
                #expect(text.contains("1 × FIL-4 – 4,90 €"))
                #expect(text.contains("Summe: 36,70 €"))
                #expect(text.contains("https://bergkaffee.example/cart/tok-1?key=a&b=c"))
                let html = try #require(reminder.content.html)
                #expect(html.contains("Espresso &lt;Bohnen&gt; &amp; Co"), "the title is escaped")
                #expect(!html.contains("<Bohnen>"))
                #expect(html.contains("Summe: 36,70 €"))

                // A second sweep enters nothing again; the re-posted (unchanged) checkout neither.
                #expect(try await flows.sweep(now: clock.now.addingTimeInterval(600)).entered == 0)

                // The customer orders: the goal ends the flow before the second reminder.
                clock.set(start.addingTimeInterval(2 * 3_600))
                let order = FlowBodies.order("o_cart", customer: customer, placedAt: clock.now.addingTimeInterval(-60))
                #expect(try await client.send(.post, "/api/v1/orders", json: order).status == .created)
                let ended = try #require(try await store.enrolment(id: row.id))
                #expect(ended.status == .finished)
                clock.set(start.addingTimeInterval(2 * 86_400))
                _ = try await flows.scheduler.runDue(now: clock.now)
                #expect(try await outbox.outboxMessages(customerID: customer).allSatisfy { $0.templateID != "cart_reminder_offer" })
            }
        }
    }

    @Test("a checkout of a guest nobody is stored for, or an order after it, enters nothing", arguments: S.Engine.allCases)
    func nothingToRemind(engine: S.Engine) async throws {
        try await engine.with { store in
            let start = S.berlin(2026, 11, 18, 12)
            let effects = RecordingFlowEffects()
            let library = try S.examplesLibrary()
            let customer = try S.treatedCustomer(of: "abandoned_cart", in: library, prefix: "cart")
            let flows = S.service(library, store: store, effects: effects)
            try await S.makeKeys(store, now: start)
            let router = try FlywheelServer.buildRouter(
                store: store, configuration: ServerConfiguration(), settings: .defaults, flows: flows, now: { start })
            try await Application(router: router).test(.router) { client in
                let guest = """
                    {"id":"tok-guest","email":"guest@example.com","created_at":"\(S.text(start.addingTimeInterval(-900)))",\
                    "updated_at":"\(S.text(start.addingTimeInterval(-900)))","currency":"EUR","total_minor":490,\
                    "line_items":[{"sku":"FIL-4","quantity":1,"unit_price_minor":490}]}
                    """
                #expect(try await client.send(.post, "/api/v1/checkouts", json: guest).status == .created)
                _ = try await client.send(.post, "/api/v1/customers", json: FlowBodies.customer(customer))
                let body = Self.checkout(
                    "tok-2", customer: customer, created: start.addingTimeInterval(-900), updated: start.addingTimeInterval(-600))
                #expect(try await client.send(.post, "/api/v1/checkouts", json: body).status == .created)
                let order = FlowBodies.order("o_1", customer: customer, placedAt: start.addingTimeInterval(-300))
                #expect(try await client.send(.post, "/api/v1/orders", json: order).status == .created)
                let sweep = try await flows.sweep(now: start.addingTimeInterval(3 * 3_600))
                #expect(sweep.entered == 0 && sweep.failed == 0)
                #expect(effects.messages(template: "cart_reminder").isEmpty)
            }
        }
    }

    @Test("bad checkouts are refused naming the JSON pointer; reading needs the read scope, writing ingest")
    func badInput() async throws {
        try await TestServer().test { client in
            let now = Date(timeIntervalSince1970: 1_795_000_000)
            let body = Self.checkout("tok-3", customer: "c1", created: now.addingTimeInterval(-60), updated: now.addingTimeInterval(-120))
            let refused = try await client.send(.post, "/api/v1/checkouts", json: body)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.pointers == ["/updated_at"], "\(refused.text)")
            let badLine = Self.checkout("tok-6", customer: "c1", created: now.addingTimeInterval(-120), updated: now.addingTimeInterval(-60))
                .replacingOccurrences(of: #""quantity":1,"#, with: #""quantity":0,"#)
            let line = try await client.send(.post, "/api/v1/checkouts", json: badLine)
            #expect(line.status.code == 400 || line.pointers == ["/line_items/1/quantity"], "\(line.text)")
            let badPrice = Self.checkout("tok-6", customer: "c1", created: now.addingTimeInterval(-120), updated: now.addingTimeInterval(-60))
                .replacingOccurrences(of: #""unit_price_minor":490"#, with: #""unit_price_minor":-1"#)
            let price = try await client.send(.post, "/api/v1/checkouts", json: badPrice)
            #expect(price.status.code == 400 || price.pointers == ["/line_items/1/unit_price_minor"], "\(price.text)")
            #expect(try await client.send(.get, "/api/v1/checkouts/tok-6").status == .notFound)
            let badURL = Self.checkout("tok-4", customer: "c1", created: now.addingTimeInterval(-120), updated: now.addingTimeInterval(-60))
                .replacingOccurrences(of: "https://bergkaffee.example/cart/tok-4?key=a&b=c", with: "javascript:alert(1)")
            let url = try await client.send(.post, "/api/v1/checkouts", json: badURL)
            #expect(url.status == .unprocessableContent && url.pointers == ["/recovery_url"], "\(url.text)")
            let nobody = badURL.replacingOccurrences(of: #""customer_id":"c1","email":"c1@example.com","#, with: "")
                .replacingOccurrences(of: "javascript:alert(1)", with: "https://x.example/c")
            let missing = try await client.send(.post, "/api/v1/checkouts", json: nobody)
            #expect(missing.status == .unprocessableContent && missing.pointers == ["/customer_id"], "\(missing.text)")
            #expect(try await client.send(.get, "/api/v1/checkouts/none").status == .notFound)
            #expect(try await client.send(.post, "/api/v1/checkouts", key: nil, json: body).status == .unauthorized)
            let fine = Self.checkout("tok-5", customer: "c1", created: now.addingTimeInterval(-120), updated: now.addingTimeInterval(-60))
            #expect(try await client.send(.post, "/api/v1/checkouts", key: TestServer.readOnly, json: fine).status == .forbidden)
            #expect(try await client.send(.post, "/api/v1/checkouts", key: TestServer.ingestOnly, json: fine).status == .created)
            #expect(try await client.send(.get, "/api/v1/checkouts/tok-5", key: TestServer.ingestOnly).status == .forbidden)
            #expect(try await client.send(.get, "/api/v1/checkouts/tok-5", key: TestServer.readOnly).status == .ok)
        }
    }
}
