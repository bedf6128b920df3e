import FlywheelCore
import FlywheelFlows
import Foundation
import Testing

@testable import FlywheelMessaging

@Suite("Shipped templates: the flow library's catalogue and the opt-in confirmation, complete in both locales")
struct ShippedTemplatesTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let examples = repository.appendingPathComponent("examples/flows")
    static let defaultFolder = repository.appendingPathComponent("Sources/FlywheelMessaging/Templates/Default")

    static func flowFiles() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: examples, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    @Test("the catalogue built from the shipped templates satisfies every flow in examples/flows, and has no more ids")
    func catalogueSatisfiesLibrary() throws {
        let templates = try MessageTemplates.bundled()
        let catalogue = TemplateCatalogue(templates)
        var used: Set<String> = []
        let files = try Self.flowFiles()
        #expect(files.count == 11)
        for url in files {
            switch FlowDocument.parse(try Data(contentsOf: url), name: url.lastPathComponent, catalogue: catalogue) {
            case .success(let definition):
                for step in definition.steps {
                    guard case .send(let spec) = step.kind else { continue }
                    used.insert(spec.template)
                    for locale in definition.locales {
                        #expect(catalogue.contains(spec.template, channel: spec.channel, locale: locale))
                    }
                }
            case .failure(let error):
                Issue.record("\(url.lastPathComponent): \(error)")
            }
        }
        // The shipped ids are exactly the ones the library uses, and the server's own double opt-in confirmation.
        #expect(Set(templates.templateIDs) == used.union(["optin_confirmation"]))
        #expect(catalogue.entries.count == 21 * 2 + 3 * 2)  // e-mail for all 21 in de and en; SMS for three
    }

    @Test("the catalogue reflects what is really there: a missing German text means no German e-mail version")
    func catalogueFromFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("catalogue-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("hello"), withIntermediateDirectories: true)
        for (name, text) in [("de.subject.txt", "Moin"), ("en.subject.txt", "Hi"), ("en.txt", "Hi {{x}}"), ("de.sms.txt", "Moin")] {
            try text.write(to: folder.appendingPathComponent("hello/\(name)"), atomically: true, encoding: .utf8)
        }
        let catalogue = TemplateCatalogue(try MessageTemplates(directory: folder))
        #expect(catalogue.entries == [
            .init(template: "hello", channel: .email, locale: .en), .init(template: "hello", channel: .sms, locale: .de),
        ])
        let flow = """
            {"id": "hello", "name": "Hello", "version": 1, "message_class": "marketing",
             "trigger": {"event": "order_delivered"},
             "steps": [{"id": "send", "send_email": {"template": "hello", "subject": {"de": "Moin", "en": "Hi"}, "own_similar_goods": true}}]}
            """
        guard case .failure(let error) = FlowDocument.parse(Data(flow.utf8), name: "hello.json", catalogue: catalogue) else {
            Issue.record("a flow needing German e-mail must fail")
            return
        }
        #expect(error.problems.map(\.description) == [
            "steps[0] \"send\": send_email.template: template \"hello\" has no email version for locale de"
        ])
    }

    @Test("every template renders in both locales with a full sample context: every variable it uses has a value")
    func everyVariableResolves() throws {
        let templates = try MessageTemplates.bundled()
        let context = MessageTemplatesTests.values()
        for id in templates.templateIDs {
            for locale in ["de", "en"] {
                let email = try templates.renderEmail(id, locale: locale, values: context)
                #expect(email.locale == locale)
                for part in [email.subject, email.text, email.html ?? ""] {
                    #expect(!part.contains("{{") && !part.contains("}}"), "\(id)/\(locale)")
                }
                #expect(email.text.contains(locale == "de" ? "Hallo Jürgen," : "Hi Jürgen,"), "\(id)/\(locale)")
            }
        }
        // Each variable and section named in any file (templates and partials) resolves in the context.
        let files = FileManager.default.enumerator(at: Self.defaultFolder, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { !$0.hasDirectoryPath && !$0.lastPathComponent.hasPrefix(".") }
        #expect(files.count > 120)
        for file in files {
            let source = try String(contentsOf: file, encoding: .utf8)
            for name in MustacheNames.unresolved(in: source, context: context) {
                Issue.record("\(file.lastPathComponent) in \(file.deletingLastPathComponent().lastPathComponent): {{\(name)}} has no value")
            }
        }
    }

    @Test("German templates address the customer as Sie, never du")
    func germanUsesSie() throws {
        let informal = ["du", "dich", "dir", "dein", "deine", "deinen", "deinem", "deiner", "deines"]
        let files = FileManager.default.enumerator(at: Self.defaultFolder, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.lastPathComponent.hasPrefix("de.") || $0.lastPathComponent.contains(".de.") }
        #expect(files.count >= 40)
        for file in files {
            let words = try String(contentsOf: file, encoding: .utf8).lowercased()
                .split(whereSeparator: { !$0.isLetter }).map(String.init)
            for word in words where informal.contains(word) {
                Issue.record("\(file.path): informal \"\(word)\"")
            }
        }
    }

    @Test("without a first name the templates greet politely instead of leaving a gap")
    func greetingWithoutName() throws {
        guard case .object(var fields) = MessageTemplatesTests.values() else { return }
        fields["customer"] = .object([:])
        let templates = try MessageTemplates.bundled()
        let german = try templates.renderEmail("birthday", locale: "de", values: .object(fields))
        #expect(german.text.hasPrefix("Guten Tag,\n"))
        #expect(german.subject == "Alles Gute zum Geburtstag!")
        let english = try templates.renderEmail("order_confirmation", locale: "en", values: .object(fields))
        #expect(english.text.hasPrefix("Hello,\n"))
        #expect(english.subject == "Thank you for your order!")
    }

    @Test("a shop's folder overrides the shipped templates file by file and keeps the rest")
    func shopOverrides() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shop-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("order_confirmation"), withIntermediateDirectories: true)
        try "{{<layout.de.txt}}{{$content}}\nServus {{customer.first_name}}, danke dir!\n{{/content}}{{/layout.de.txt}}"
            .write(to: folder.appendingPathComponent("order_confirmation/de.txt"), atomically: true, encoding: .utf8)
        let templates = try MessageTemplates.bundled(overriddenBy: folder)
        let email = try templates.renderEmail("order_confirmation", locale: "de", values: MessageTemplatesTests.values())
        #expect(email.text.hasPrefix("Servus Jürgen, danke dir!\n\n-- \nKaffeerösterei Berg"))
        #expect(email.subject == "Danke für Ihre Bestellung, Jürgen!")  // the shipped subject stays
        #expect(email.html?.contains("Vielen Dank für Ihre Bestellung!") == true)  // and the shipped HTML
        #expect(templates.templateIDs.count == 21)
    }
}

/// The variable and section names of a Mustache source that do not resolve in a context, following
/// Mustache's lookup: inside a section over a list or object, names resolve in its element first.
enum MustacheNames {
    static func unresolved(in source: String, context: TemplateValue) -> [String] {
        var missing: [String] = []
        var stack: [TemplateValue?] = []
        var rest = source[...]
        while let open = rest.range(of: "{{") {
            guard let close = rest.range(of: "}}", range: open.upperBound..<rest.endIndex) else { break }
            var tag = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            rest = rest[close.upperBound...]
            if tag.hasPrefix("{") {  // {{{name}}}
                tag = String(tag.dropFirst())
                if rest.hasPrefix("}") { rest = rest.dropFirst() }
            }
            guard let sigil = tag.first else { continue }
            switch sigil {
            case "!", "%", ">", "<", "$":
                if sigil == "<" || sigil == "$" { stack.append(nil) }
            case "/":
                _ = stack.popLast()
            case "#", "^":
                let name = tag.dropFirst().trimmingCharacters(in: .whitespaces)
                if name.contains("(") {  // a transform such as first(recommendations)
                    let inner = name.drop { $0 != "(" }.dropFirst().prefix { $0 != ")" }
                    if resolve(String(inner), stack, context) == nil { missing.append(name) }
                    stack.append(nil)
                    continue
                }
                let value = resolve(name, stack, context)
                if value == nil { missing.append(name) }
                stack.append(sigil == "#" ? value : nil)
            default:
                let name = sigil == "&" ? tag.dropFirst().trimmingCharacters(in: .whitespaces) : tag
                if resolve(name, stack, context) == nil { missing.append(name) }
            }
        }
        return missing
    }

    private static func resolve(_ name: String, _ stack: [TemplateValue?], _ root: TemplateValue) -> TemplateValue? {
        let path = name.split(separator: ".").map(String.init)
        for scope in stack.reversed().compactMap({ $0 }) + [root] {
            var element = scope
            if case .list(let items) = element, let first = items.first { element = first }
            guard element[path[0]] != nil else { continue }
            var value: TemplateValue? = element
            for key in path { value = value?[key] }
            return value
        }
        return nil
    }
}
