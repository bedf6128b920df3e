import Foundation
import Mustache
import Testing

@testable import FlywheelMessaging

@Suite("HTML escaping on UTF-8 bytes gives swift-mustache's output")
struct HTMLEscapingTests {
    /// swift-mustache's own HTML escaping: a variable rendered by a template with the default content type.
    static func mustacheEscaped(_ text: String) throws -> String {
        try MustacheTemplate(string: "{{x}}").render(["x": text])
    }

    static let samples = [
        "", "plain", "<script>alert('x')</script>", "a & b \"c\" 'd' <e>", "&amp; already", "Jürgen <3 Café",
        "<\u{301}combining after", "x<\u{301}", "\u{600}<prepend before", "\u{200D}<zwj", "<\u{200D}",
        "emoji \u{1F375}<\u{1F375}>", "e\u{301}<e\u{301}", "\r\n<\r\n", "<<>>&&\"\"''", "ק׳פה <b>", "\u{0}<\u{7F}>",
        "🇩🇪<🇩🇪", "<" + String(repeating: "a", count: 300) + "&",
    ]

    @Test("the same bytes as swift-mustache for specials, non-ASCII neighbours and grapheme clusters")
    func sameAsMustache() throws {
        for sample in Self.samples {
            #expect(Array(HTMLEscaping().escapeText(sample).utf8) == Array(try Self.mustacheEscaped(sample).utf8), "\(sample.debugDescription)")
        }
    }

    @Test("the same bytes as swift-mustache for random texts of specials, ASCII and combining or prepended marks")
    func randomTexts() throws {
        let alphabet: [String] = ["<", ">", "&", "\"", "'", "a", " ", "ü", "\u{301}", "\u{600}", "\u{200D}", "\u{1F375}", "\n", "\r"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
            #expect(Array(HTMLEscaping().escapeText(text).utf8) == Array(try Self.mustacheEscaped(text).utf8), "\(text.debugDescription)")
        }
    }
}
