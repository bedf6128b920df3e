import Foundation
import Testing

@testable import FlywheelMessaging

/// `TemplateParser`'s errors and the fallback to swift-mustache for what the compiled renderer does not cover.
@Suite("Template parser: errors with positions, fallback outside the subset")
struct TemplateParserTests {
    /// A temporary folder with `files` (relative paths → text).
    static func folder(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parser-\(UUID().uuidString)")
        for (path, text) in files {
            let file = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
        return folder
    }

    @Test("a malformed template names the line and column where reading stopped, and why")
    func malformedPositions() {
        #expect(throws: TemplateParseFailure.malformed(line: 2, column: 7, reason: "{{/wrong}} closes no open section (open: none)")) {
            try TemplateParser.parse("Hi {{name}}\nok {{/wrong}}")
        }
        #expect(throws: TemplateParseFailure.malformed(line: 1, column: 11, reason: "{{/b}} closes no open section (open: a)")) {
            try TemplateParser.parse("{{#a}}x{{/b}}{{/a}}")
        }
        #expect(throws: TemplateParseFailure.malformed(line: 3, column: 3, reason: "{{#open}} (or {{^…}}, {{$…}}, {{<…}}) is never closed")) {
            try TemplateParser.parse("Hello\n{{#open}}\nxy")
        }
        #expect(throws: TemplateParseFailure.malformed(line: 1, column: 9, reason: "a tag's name is unfinished (expected }} after it)")) {
            try TemplateParser.parse("Hä {{na me}}")
        }
        #expect(throws: TemplateParseFailure.malformed(line: 1, column: 6, reason: "unexpected end of the template")) {
            try TemplateParser.parse("{{a}}{")
        }
    }

    @Test("loading a malformed file fails with its path, line and column (the loader's first line not counted)")
    func loaderErrors() throws {
        let text = try Self.folder(["broken/en.subject.txt": "Hi", "broken/en.txt": "Hallo {{name}}\n{{/wrong}}\n"])
        defer { try? FileManager.default.removeItem(at: text) }
        #expect(throws: TemplateError.self) { try MessageTemplates(directory: text) }
        do {
            _ = try MessageTemplates(directory: text)
        } catch let error as TemplateError {
            #expect(error.message.hasSuffix("broken/en.txt: line 2, column 4: {{/wrong}} closes no open section (open: none)"), "\(error)")
        }
        let html = try Self.folder(["broken/en.subject.txt": "Hi", "broken/en.txt": "ok", "broken/en.html": "<p>{{/x}}</p>"])
        defer { try? FileManager.default.removeItem(at: html) }
        do {
            _ = try MessageTemplates(directory: html)
            Issue.record("a malformed HTML file loaded")
        } catch let error as TemplateError {
            #expect(error.message.hasSuffix("broken/en.html: line 1, column 7: {{/x}} closes no open section (open: none)"), "\(error)")
        }
        let first = try Self.folder(["broken/en.subject.txt": "Hi {{/x}}", "broken/en.txt": "ok"])
        defer { try? FileManager.default.removeItem(at: first) }
        do {
            _ = try MessageTemplates(directory: first)
            Issue.record("a malformed subject loaded")
        } catch let error as TemplateError {
            #expect(error.message.hasSuffix("broken/en.subject.txt: line 1, column 7: {{/x}} closes no open section (open: none)"), "\(error)")
        }
    }

    @Test("features outside the subset parse as unsupported, not as errors")
    func unsupported() {
        for text in ["{{=<% %>=}}<%a%>", "{{>*dynamic}}", "a\r\nb", "{\u{301}{a}}", "x\u{2028}y"] {
            #expect(throws: TemplateParseFailure.self, "\(text.debugDescription)") { try TemplateParser.parse(text) }
            do {
                _ = try TemplateParser.parse(text)
            } catch {
                guard case .unsupported = error else { Issue.record("\(text.debugDescription): \(error)"); continue }
            }
        }
    }

    @Test("a template using changed delimiters or an indented partial renders through swift-mustache, correctly")
    func fallbackAtLoad() throws {
        let folder = try Self.folder([
            "fallback/en.subject.txt": "Für {{name}}", "fallback/en.txt": "{{=<% %>=}}Hi <%name%> & <%&shop%>\n",
            "fallback/en.html": "<div>\n  {{>card.html}}\n</div>\n", "_partials/card.html": "<b>{{name}}</b>\n<i>x</i>\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let templates = try MessageTemplates(directory: folder)
        #expect(templates.plan("fallback", locale: "en", part: .subject) != nil)
        #expect(templates.plan("fallback", locale: "en", part: .text) == nil)
        #expect(templates.plan("fallback", locale: "en", part: .html) == nil)
        let email = try templates.renderEmail("fallback", locale: "en", values: ["name": "Jö <3", "shop": "B&B"])
        #expect(email.subject == "Für Jö <3")
        #expect(email.text == "Hi Jö <3 & B&B\n")
        #expect(email.html == "<div>\n  <b>Jö &lt;3</b>\n  <i>x</i>\n</div>\n")
    }

    @Test("values a plan does not cover (other transforms, objects printed) are handed to swift-mustache per render")
    func fallbackAtRender() throws {
        let folder = try Self.folder([
            "handback/en.subject.txt": "{{#reversed(items)}}{{.}}{{/reversed(items)}}",
            "handback/en.txt": "{{#uppercased(name)}}{{.}}{{/uppercased(name)}} {{count(items)}} {{name}}",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let templates = try MessageTemplates(directory: folder)
        let subjectPlan = try #require(templates.plan("handback", locale: "en", part: .subject))
        let textPlan = try #require(templates.plan("handback", locale: "en", part: .text))
        let values: TemplateValue = ["name": "Jö", "items": ["a", "b", "c"]]
        #expect(subjectPlan.render(values) == nil)
        #expect(textPlan.render(values) == nil)
        #expect(textPlan.render(["name": 5, "items": ["a"]]) == nil)  // an integer's transform
        #expect(textPlan.render(["items": ["a"]]) == " 1 ")  // nothing to transform: the plan renders
        let email = try templates.renderEmail("handback", locale: "en", values: values)
        #expect(email.subject == "cba")
        #expect(email.text == "JÖ 3 Jö\n")
    }
}
