import FlywheelCore
import FlywheelStore
import Foundation
import Testing

@Suite("flywheel flows validate|preview (the real binary)")
struct FlowsCommandTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples/flows").path

    /// A flow with four problems: a bad id, a negative timeout, a missing English subject and an unknown template.
    static let bad = """
        {"id": "Bad Flow", "name": "Bad", "version": 2, "message_class": "marketing",
         "trigger": {"event": "order_delivered"},
         "steps": [
          {"id": "wait_review", "wait": {"until_event": {"event": "review_left", "timeout": "-P1D"}}, "next": "send"},
          {"id": "send", "send_email": {"template": "nope", "subject": {"de": "Hallo"}}}
         ]}
        """

    static func folder(_ files: [String: String]) throws -> URL {
        let dir = FlywheelBinary.temporaryDirectory()
        for (name, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
        return dir
    }

    @Test("the library validates: one OK line per file, exit code 0")
    func libraryIsValid() async throws {
        let result = try await FlywheelBinary.run(["flows", "validate", Self.examples], in: FlywheelBinary.temporaryDirectory())
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 11)
        #expect(lines.contains("\(Self.examples)/win_back.json: OK (win_back v1, 12 steps)"))
        #expect(lines.contains("\(Self.examples)/order_confirmation.json: OK (order_confirmation v1, 1 step)"))
    }

    @Test("a bad file: every problem on its own line, named by file, step and key; exit code 1")
    func badFile() async throws {
        let dir = try Self.folder(["bad.json": Self.bad, "good.json": try String(contentsOfFile: Self.examples + "/vip.json", encoding: .utf8)])
        let result = try await FlywheelBinary.run(["flows", "validate", "bad.json", "good.json"], in: dir)
        #expect(result.status == 1)
        #expect(result.stdout == """
            bad.json: id: must be 1–64 characters of a–z, 0–9 and _
            bad.json: steps[0] "wait_review": wait.until_event.timeout: must be positive
            bad.json: steps[1] "send": send_email.subject.en: missing subject for locale en
            bad.json: steps[1] "send": send_email.template: template "nope" has no email version for locale de
            bad.json: steps[1] "send": send_email.template: template "nope" has no email version for locale en
            good.json: OK (vip v1, 3 steps)

            """)
        // A folder means its *.json files; --json for machines.
        let json = try await FlywheelBinary.run(["flows", "validate", ".", "--json"], in: dir)
        #expect(json.status == 1)
        let report = try json.json()
        #expect(report["valid"] as? Bool == false)
        let files = try #require(report["files"] as? [[String: Any]])
        #expect(files.map { $0["file"] as? String } == ["./bad.json", "./good.json"])
        #expect(files.map { $0["valid"] as? Bool } == [false, true])
        let problems = try #require(files[0]["problems"] as? [[String: Any]])
        #expect(problems.count == 5)
        #expect(problems[1]["step"] as? String == "steps[0] \"wait_review\"")
        #expect(problems[1]["key"] as? String == "wait.until_event.timeout")
        #expect(problems[1]["reason"] as? String == "must be positive")
        #expect(files[0]["flow"] as? String == "Bad Flow v2")
    }

    @Test("a shop's --templates folder adds a template the flow needs; a missing path or empty folder is an error")
    func shopTemplatesAndErrors() async throws {
        let flow = Self.bad.replacingOccurrences(of: "\"Bad Flow\"", with: "\"bad_flow\"")
            .replacingOccurrences(of: "-P1D", with: "P1D")
            .replacingOccurrences(of: "{\"de\": \"Hallo\"}", with: "{\"de\": \"Hallo\", \"en\": \"Hello\"}")
        let dir = try Self.folder(["flow.json": flow])
        let withoutShop = try await FlywheelBinary.run(["flows", "validate", "flow.json"], in: dir)
        #expect(withoutShop.status == 1)
        #expect(withoutShop.stdout.contains("template \"nope\" has no email version for locale de"))
        let templates = dir.appendingPathComponent("templates/nope")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        for locale in ["de", "en"] {
            try Data("Hallo".utf8).write(to: templates.appendingPathComponent("\(locale).subject.txt"))
            try Data("Hallo {{customer.first_name}}".utf8).write(to: templates.appendingPathComponent("\(locale).txt"))
        }
        let withShop = try await FlywheelBinary.run(["flows", "validate", "flow.json", "--templates", "templates"], in: dir)
        #expect(withShop.status == 0, "\(withShop.stdout)")
        #expect(withShop.stdout == "flow.json: OK (bad_flow v2, 2 steps)\n")

        let missing = try await FlywheelBinary.run(["flows", "validate", "nothere.json"], in: dir)
        #expect(missing.status == 1)
        #expect(missing.stderr == "error: nothere.json: no such file or folder\n")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("empty"), withIntermediateDirectories: true)
        let empty = try await FlywheelBinary.run(["flows", "validate", "empty"], in: dir)
        #expect(empty.status == 1)
        #expect(empty.stderr == "error: empty: no *.json flow files in this folder\n")
    }

    /// A SQLite database with Jürgen (German) and Jane (no locale; the shop's default is German), each with an
    /// order; Jürgen's parcel is promised for Thursday 26 November 2026 (Berlin).
    static func database(firstName: String = "Jürgen") async throws -> URL {
        let dir = FlywheelBinary.temporaryDirectory()
        let store = try SQLiteStore(path: dir.appendingPathComponent("shop.sqlite").path)
        try await store.migrate()
        var settings = ShopSettings.defaults
        settings.name = "Kaffeerösterei Berg"
        try await store.saveShopSettings(settings)
        let calendar = settings.calendar
        let placed = calendar.instant(localDate: CivilDate(year: 2026, month: 11, day: 23)!, secondsOfDay: 9 * 3600)
        var batch = IngestBatch()
        batch.customers = [
            Customer(externalID: "c1", email: "j@example.de", firstName: firstName, locale: .de),
            Customer(externalID: "c2", email: "jane@example.com", firstName: "Jane", locale: .en),
        ]
        batch.orders = [
            Order(
                externalID: "1042", customerExternalID: "c1", placedAt: placed, currency: .eur,
                lineItems: [
                    LineItem(title: "Espresso-Bohnen 1 kg", quantity: 2, totalMinor: 3_180),
                    LineItem(title: "Filtertüten", quantity: 1, totalMinor: 660),
                ], subtotalMinor: 3_840, totalMinor: 3_840),
            Order(
                externalID: "2001", customerExternalID: "c2", placedAt: placed, currency: .eur,
                lineItems: [LineItem(title: "Tea sampler", quantity: 1, totalMinor: 1_250)], subtotalMinor: 1_250,
                totalMinor: 1_250),
        ]
        batch.shipments = [
            Shipment(
                externalID: "s1", orderExternalID: "1042",
                promisedBy: calendar.instant(localDate: CivilDate(year: 2026, month: 11, day: 26)!, secondsOfDay: 18 * 3600))
        ]
        _ = try await store.ingest(batch)
        return dir
    }

    static func preview(_ extra: [String], in dir: URL) async throws -> FlywheelBinary.Result {
        try await FlywheelBinary.run(["flows", "preview"] + extra + ["--database", "shop.sqlite"], in: dir)
    }

    @Test("preview for a stored customer in German and English: step, class, template, subject, name, items, window")
    func previewBothLocales() async throws {
        let dir = try await Self.database()
        let flow = Self.examples + "/order_confirmation.json"
        let german = try await Self.preview([flow, "--customer", "c1"], in: dir)
        #expect(german.status == 0, "\(german.stderr)")
        #expect(german.stdout.hasPrefix("""
            flow order_confirmation v1 "Order confirmation with value" for customer c1, locale de: 1 message

            ── steps[0] "send_confirmation" · email · transactional · template order_confirmation (de)
            Subject: Danke für Ihre Bestellung

            Hallo Jürgen,

            danke, dass Sie bei Kaffeerösterei Berg bestellt haben
            """))
        #expect(german.stdout.contains("Ihr Paket kommt voraussichtlich bis Donnerstag, 26. November."))
        #expect(german.stdout.contains("Ihre Bestellung 1042:\n  2 × Espresso-Bohnen 1 kg – 31,80 €\n  1 × Filtertüten – 6,60 €\n  Summe: 38,40 €"))
        #expect(!german.stdout.contains("Abmelden"))  // transactional: no unsubscribe footer

        let english = try await Self.preview([flow, "--customer", "c1", "--locale", "en"], in: dir)
        #expect(english.status == 0, "\(english.stderr)")
        #expect(english.stdout.contains("for customer c1, locale en: 1 message"))
        #expect(english.stdout.contains("Subject: Thank you for your order\n\nHi Jürgen,\n"))
        #expect(english.stdout.contains("Your parcel should arrive by Thursday, 26 November."))
        #expect(english.stdout.contains("  Total: €38.40"))

        // Jane's own locale is English.
        let jane = try await Self.preview([flow, "--customer", "c2"], in: dir)
        #expect(jane.stdout.contains("locale en") && jane.stdout.contains("Hi Jane,") && jane.stdout.contains("1 × Tea sampler – €12.50"))
    }

    @Test("--delivery-days (or $FLYWHEEL_DELIVERY_DAYS) restates the window of an order nothing promised, in de and en; a promise wins")
    func previewDeliveryDays() async throws {
        let dir = try await Self.database()
        let flow = Self.examples + "/order_confirmation.json"
        // Jane's order 2001, placed Monday 23 November 2026, has no shipment: no window without delivery days.
        let plain = try await Self.preview([flow, "--customer", "c2"], in: dir)
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(!plain.stdout.contains("should arrive"))
        // 2-4 working days: Wednesday 25 to Friday 27 November.
        let english = try await Self.preview([flow, "--customer", "c2", "--delivery-days", "2-4"], in: dir)
        #expect(english.status == 0, "\(english.stderr)")
        #expect(english.stdout.contains("Your parcel should arrive between Wed 25 and Fri 27 November."), "\(english.stdout)")
        let german = try await FlywheelBinary.run(
            ["flows", "preview", flow, "--customer", "c2", "--locale", "de", "--database", "shop.sqlite"], in: dir,
            environment: ["FLYWHEEL_DELIVERY_DAYS": "2-4"])
        #expect(german.status == 0, "\(german.stderr)")
        #expect(german.stdout.contains("Ihr Paket kommt voraussichtlich zwischen Mi, 25. und Fr, 27. November."), "\(german.stdout)")
        // Jürgen's parcel has a promise: it wins over the shop's usual days.
        let promised = try await Self.preview([flow, "--customer", "c1", "--delivery-days", "2-4"], in: dir)
        #expect(promised.stdout.contains("Ihr Paket kommt voraussichtlich bis Donnerstag, 26. November."))
        // The sample customer's order is placed now: its window is a "between", not the default "by".
        let sample = try await FlywheelBinary.run(
            ["flows", "preview", flow, "--sample", "--locale", "en", "--delivery-days", "3"], in: dir)
        #expect(sample.status == 0 && sample.stdout.contains("Your parcel should arrive on "), "\(sample.stdout)")
        // A bad value names the option.
        let bad = try await Self.preview([flow, "--customer", "c2", "--delivery-days", "0"], in: dir)
        #expect(bad.status != 0 && bad.stderr.contains("--delivery-days"))
        let badEnvironment = try await FlywheelBinary.run(
            ["flows", "preview", flow, "--sample"], in: dir, environment: ["FLYWHEEL_DELIVERY_DAYS": "soon"])
        #expect(badEnvironment.status != 0 && badEnvironment.stderr.contains("FLYWHEEL_DELIVERY_DAYS"))
    }

    @Test("a customer named <script> is escaped in the HTML and kept as written in the text")
    func previewEscapes() async throws {
        let dir = try await Self.database(firstName: "<script>alert(1)</script>")
        let flow = Self.examples + "/delivery_check_in.json"
        let html = try await Self.preview([flow, "--customer", "c1", "--format", "html"], in: dir)
        #expect(html.status == 0, "\(html.stderr)")
        #expect(!html.stdout.contains("<script>"))
        #expect(html.stdout.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.stdout.contains("<!-- steps[2] \"send_check_in\" · email · marketing · template delivery_check_in (de) -->\n<!DOCTYPE html>"))
        #expect(html.stdout.contains("<!-- steps[6] \"send_make_it_right_ack\" · email · service · template make_it_right_ack (de) -->"))
        let text = try await Self.preview([flow, "--customer", "c1"], in: dir)
        #expect(text.stdout.contains("Hallo <script>alert(1)</script>,\n"))
        // --output writes one HTML file per message.
        let files = try await Self.preview([flow, "--customer", "c1", "--format", "html", "--output", "out"], in: dir)
        #expect(files.status == 0, "\(files.stderr)")
        #expect(files.stdout.contains("steps[2] \"send_check_in\" · email · marketing · template delivery_check_in (de): out/02-send_check_in.html"))
        let written = try String(contentsOf: dir.appendingPathComponent("out/06-send_make_it_right_ack.html"), encoding: .utf8)
        #expect(written.contains("&lt;script&gt;") && written.contains("lang=\"de\""))
    }

    @Test("errors name what is missing: the customer, the order, the flow's locale, an invalid flow; --sample needs no database")
    func previewErrors() async throws {
        let dir = try await Self.database()
        let flow = Self.examples + "/order_confirmation.json"
        let customer = try await Self.preview([flow, "--customer", "nobody"], in: dir)
        #expect(customer.status == 1)
        #expect(customer.stderr == "error: customer nobody: not found\n")
        let order = try await Self.preview([flow, "--customer", "c1", "--order", "9999"], in: dir)
        #expect(order.stderr == "error: order 9999: not found\n")
        try Data(Self.bad.utf8).write(to: dir.appendingPathComponent("bad.json"))
        let invalid = try await Self.preview(["bad.json", "--customer", "c1"], in: dir)
        #expect(invalid.status == 1)
        #expect(invalid.stderr.hasPrefix("error: bad.json is not a valid flow:\n  id: must be 1–64 characters"))
        let noDatabase = try await FlywheelBinary.run(["flows", "preview", flow, "--customer", "c1"], in: FlywheelBinary.temporaryDirectory())
        #expect(noDatabase.stderr == "error: database flywheel.sqlite: no such file (give --database PATH)\n")
        let neither = try await FlywheelBinary.run(["flows", "preview", flow], in: dir)
        #expect(neither.status != 0 && neither.stderr.contains("give --customer ID or --sample"))

        let sample = try await FlywheelBinary.run(
            ["flows", "preview", Self.examples + "/win_back.json", "--sample", "--locale", "en"], in: FlywheelBinary.temporaryDirectory())
        #expect(sample.status == 0, "\(sample.stderr)")
        #expect(sample.stdout.contains("for a sample customer, locale en: 5 messages"))
        #expect(sample.stdout.contains("10 % off your next order – your code: WB-PREVIEW"))
    }
}
