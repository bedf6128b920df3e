import Foundation
import Testing

@testable import FlywheelMessaging

/// The rendered output of every shipped template (and of a folder that uses the Mustache features a shop's own
/// templates may use) compared byte for byte with files rendered by the renderer as it was before the speed work
/// (swift-mustache over `[String: Any]`, Foundation's trimming; docs/messaging.md, "Rendering fast").
///
/// `FLYWHEEL_RECORD_RENDER_FIXTURES=1 swift test --filter RenderedTemplatesFixtureTests` writes the files anew
/// instead of comparing — only when the templates themselves changed on purpose.
@Suite("Rendered templates: byte for byte as the fixtures recorded")
struct RenderedTemplatesFixtureTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/templates")
    static let recording = ProcessInfo.processInfo.environment["FLYWHEEL_RECORD_RENDER_FIXTURES"] == "1"

    /// Every e-mail and SMS of a template set rendered with `values`, keyed `<id>/<locale>/<part>`; parts a
    /// template lacks are left out, and `locale` records the locale the fallback chose.
    static func renderAll(_ templates: MessageTemplates, values: TemplateValue) throws -> [String: String] {
        var output: [String: String] = [:]
        for id in templates.templateIDs {
            for locale in templates.locales(of: id) {
                let parts = templates.parts(of: id, locale: locale)
                if parts.isSuperset(of: [.subject, .text]) {
                    let email = try templates.renderEmail(id, locale: locale, values: values)
                    output["\(id)/\(locale)/subject"] = email.subject
                    output["\(id)/\(locale)/text"] = email.text
                    output["\(id)/\(locale)/html"] = email.html
                    output["\(id)/\(locale)/locale"] = email.locale
                }
                if parts.contains(.sms) {
                    let sms = try templates.renderSMS(id, locale: locale, values: values)
                    output["\(id)/\(locale)/sms"] = sms.text
                    output["\(id)/\(locale)/sms-locale"] = sms.locale
                }
            }
        }
        return output
    }

    /// Compares with (or records) `<name>.json` in the fixtures folder.
    static func check(_ rendered: [String: String], against name: String) throws {
        let file = fixtures.appendingPathComponent("\(name).json")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        if recording {
            try encoder.encode(rendered).write(to: file)
            return
        }
        let expected = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: file))
        #expect(rendered.keys.sorted() == expected.keys.sorted(), "\(name): the set of rendered parts differs")
        for (key, want) in expected.sorted(by: { $0.key < $1.key }) {
            guard let got = rendered[key] else { continue }
            // Byte for byte: String's == would call canonically equivalent texts equal.
            if Array(got.utf8) != Array(want.utf8) {
                Issue.record("\(name) \(key) differs: \(Self.firstDifference(got, want))")
            }
        }
    }

    /// The first line that differs, quoted, for the failure message.
    static func firstDifference(_ got: String, _ want: String) -> String {
        let gotLines = got.split(separator: "\n", omittingEmptySubsequences: false)
        let wantLines = want.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(gotLines.count, wantLines.count) {
            let left = index < gotLines.count ? String(gotLines[index]) : "<end>"
            let right = index < wantLines.count ? String(wantLines[index]) : "<end>"
            if Array(left.utf8) != Array(right.utf8) { return "line \(index + 1): got \(left.debugDescription), expected \(right.debugDescription)" }
        }
        return "same lines, different bytes"
    }

    @Test("every shipped template in de and en for a customer with every field set")
    func shippedFull() throws {
        try Self.check(try Self.renderAll(MessageTemplates.bundled(), values: Self.full()), against: "shipped-full")
    }

    @Test("every shipped template for a customer whose values hold HTML specials, quotes and non-Latin text")
    func shippedEscaping() throws {
        try Self.check(try Self.renderAll(MessageTemplates.bundled(), values: Self.escaping()), against: "shipped-escaping")
    }

    @Test("every shipped template for a sparse customer: no name, empty lists, no links, no notice")
    func shippedSparse() throws {
        try Self.check(try Self.renderAll(MessageTemplates.bundled(), values: Self.sparse()), against: "shipped-sparse")
    }

    @Test("a shop's folder using transforms, list contexts, partials with indentation, delimiters and falsy values")
    func features() throws {
        let templates = try MessageTemplates(directory: Self.fixtures.appendingPathComponent("features"))
        try Self.check(try Self.renderAll(templates, values: Self.featureValues(Self.full())), against: "features-full")
        try Self.check(try Self.renderAll(templates, values: Self.featureValues(Self.escaping())), against: "features-escaping")
        try Self.check(try Self.renderAll(templates, values: Self.featureValues(Self.sparse())), against: "features-sparse")
    }

    /// The messages' usual values with every field the shipped templates use set.
    static func full() -> TemplateValue { MessageTemplatesTests.values() }

    /// `full` with HTML specials, quotes, an emoji, combining marks and right-to-left text in the values.
    static func escaping() -> TemplateValue {
        guard case .object(var fields) = full() else { return full() }
        fields["shop"] = [
            "name": "Berg & Söhne <Kaffee>", "url": "https://berg.example/?a=1&b=\"2\"", "support_email": "hallo+o'neil@berg.example",
            "address": "Hauptstraße 1 · 10115 Berlin", "signature": "Lena \"die Röstmeisterin\" O'Neil",
        ]
        fields["customer"] = ["first_name": "<script>alert('Jürgen')</script> & \"Jo\""]
        fields["product"] = ["name": "Café crème \u{1F375} ק׳פה e\u{301}"]
        fields["personal_line"] = "  Leading and trailing blanks\u{00A0}stay inside; 1 < 2 > 0 & done.  "
        fields["offer"] = ["description": "10 % <b>Rabatt</b>", "code": "A&B'C\"D", "expires": "15.12.2026"]
        return .object(fields)
    }

    /// A customer with little known: no first name, empty lists, no unsubscribe link, no objection notice, no
    /// offer, points zero.
    static func sparse() -> TemplateValue {
        [
            "shop": ["name": "Kaffeerösterei Berg", "url": "https://berg.example", "signature": "Ihr Team"],
            "customer": [:],
            "order": ["number": "7", "total": "0,00 €", "items": []],
            "product": ["name": "Bohnen"],
            "points": ["balance": 0, "expiring": 0],
            "cart": ["items": []],
            "recommendations": [],
            "links": ["review": "https://berg.example/r/7", "shop": "https://berg.example", "cart": "https://berg.example/cart",
                      "check_in_ok": "https://berg.example/ok", "check_in_problem": "https://berg.example/problem",
                      "reorder": "https://berg.example/reorder", "confirm": "https://berg.example/confirm"],
            "consent": ["optout_notice": false],
            "confirmation": ["expires": "01.12.2026"],
        ]
    }

    /// `values` with the extra fields the features folder uses.
    static func featureValues(_ values: TemplateValue) -> TemplateValue {
        guard case .object(var fields) = values else { return values }
        fields["tags"] = ["neu", "<bio>", "fair & gut"]
        fields["flag_true"] = true
        fields["flag_false"] = false
        fields["empty_text"] = ""
        fields["zero"] = 0
        fields["empty_list"] = []
        return .object(fields)
    }
}
