public import Foundation
import Mustache

/// Message templates loaded from a folder and rendered with Mustache, per locale with fallback.
///
/// Layout of the folder:
/// ```
/// <folder>/<template id>/<locale>.subject.txt   subject (plain text)
///                        <locale>.txt           plain-text body
///                        <locale>.html          HTML body (optional)
///                        <locale>.sms.txt       SMS text (optional)
/// <folder>/_partials/<name>.html|.txt           partials and layouts, used as {{> name.html}} or
///                                               {{< name.html}}{{$content}}…{{/content}}{{/name.html}}
/// ```
/// Values are HTML-escaped in `.html` files (`{{name}}`); every other part is plain text, unescaped.
///
/// Each part is compiled at load into a `CompiledTemplate` (about 7× faster than swift-mustache, byte for byte
/// the same output); a part outside the compiled subset, or values a plan does not cover, render with
/// swift-mustache (docs/messaging.md, "Rendering fast").
public struct MessageTemplates: Sendable {
    private let library: MustacheLibrary
    /// The compiled plans by registered name (`<id>/<locale>.<part>`); a part without one (outside the compiled
    /// subset) renders with swift-mustache. docs/messaging.md, "Rendering fast".
    private let plans: [String: CompiledTemplate]
    /// Template id → locale → parts present.
    private let index: [String: [String: Set<TemplatePart>]]
    /// The locale every fallback chain ends with.
    public let defaultLocale: String

    /// Loads every template below the folder.
    /// - Throws: `TemplateError` naming the file that cannot be read or parsed.
    public init(directory: URL, defaultLocale: String = "en", compiles: Bool = true) throws {
        try self.init(directories: [directory], defaultLocale: defaultLocale, compiles: compiles)
    }

    /// Loads the templates of several folders, later folders overriding earlier ones file by file: a shop's
    /// folder after the shipped one replaces the parts (and partials) it has and keeps the rest. Parts are
    /// compiled into plans at load (`CompiledTemplate`); `compiles: false` renders everything with swift-mustache
    /// instead, the reference the plans are compared with in tests and benchmarks.
    /// - Throws: `TemplateError` naming the folder or file that cannot be read or parsed.
    public init(directories: [URL], defaultLocale: String = "en", compiles: Bool = true) throws {
        _ = HTMLEscaping.registered
        var library = MustacheLibrary()
        var index: [String: [String: Set<TemplatePart>]] = [:]
        var parsed: [String: [TemplateNode]?] = [:]
        for directory in directories {
            try Self.load(directory, into: &library, parsed: &parsed, index: &index)
        }
        var plans: [String: CompiledTemplate] = [:]
        if compiles {
            for (id, locales) in index {
                for (locale, parts) in locales {
                    for part in parts {
                        let name = Self.name(id, locale, part)
                        plans[name] = try? CompiledTemplate.link(name, parsed: parsed)
                    }
                }
            }
        }
        self.library = library
        self.plans = plans
        self.index = index
        self.defaultLocale = LocaleFallback.normalize(defaultLocale)
    }

    private static func load(
        _ directory: URL, into library: inout MustacheLibrary, parsed: inout [String: [TemplateNode]?],
        index: inout [String: [String: Set<TemplatePart>]]
    ) throws {
        let files = FileManager.default
        guard let entries = try? files.contentsOfDirectory(atPath: directory.path) else {
            throw TemplateError("template folder \(directory.path): cannot be read")
        }
        for entry in entries.sorted() where !entry.hasPrefix(".") {
            let folder = directory.appendingPathComponent(entry)
            var isFolder: ObjCBool = false
            guard files.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else { continue }
            let names = (try? files.contentsOfDirectory(atPath: folder.path)) ?? []
            for name in names.sorted() where !name.hasPrefix(".") {
                let file = folder.appendingPathComponent(name)
                if entry == "_partials" {
                    let (template, nodes) = try Self.load(file, escapesHTML: name.hasSuffix(".html"))
                    library.register(template, named: name)
                    parsed[name] = nodes
                } else if let (locale, part) = TemplatePart.parse(fileName: name) {
                    let normalized = LocaleFallback.normalize(locale)
                    let (template, nodes) = try Self.load(file, escapesHTML: part.escapesHTML)
                    library.register(template, named: Self.name(entry, normalized, part))
                    parsed[Self.name(entry, normalized, part)] = nodes
                    index[entry, default: [:]][normalized, default: []].insert(part)
                } else {
                    throw TemplateError("template file \(file.path): unknown name (expected <locale>.subject.txt, .txt, .html or .sms.txt)")
                }
            }
        }
    }

    /// The templates shipped with Flywheel (the ids the flow library in `examples/flows/` uses; German and
    /// English), overridden file by file by a shop's own folder when one is given.
    public static func bundled(overriddenBy shopFolder: URL? = nil, defaultLocale: String = "en", compiles: Bool = true)
        throws -> MessageTemplates
    {
        guard let url = Bundle.module.url(forResource: "Default", withExtension: nil) else {
            throw TemplateError("the bundled template folder Default is missing from the FlywheelMessaging resources")
        }
        return try MessageTemplates(
            directories: [url] + (shopFolder.map { [$0] } ?? []), defaultLocale: defaultLocale, compiles: compiles)
    }

    /// The ids of the loaded templates, sorted.
    public var templateIDs: [String] { index.keys.sorted() }

    /// The locales a template exists in, sorted.
    public func locales(of templateID: String) -> [String] { (index[templateID] ?? [:]).keys.sorted() }

    /// The parts a template has in exactly this locale (no fallback); empty when it has none there.
    public func parts(of templateID: String, locale: String) -> Set<TemplatePart> {
        index[templateID]?[LocaleFallback.normalize(locale)] ?? []
    }

    /// Renders the e-mail parts of a template in the first locale of the fallback chain that has a subject
    /// and a text body.
    /// - Throws: `TemplateError` when the template or a locale for it is missing.
    public func renderEmail(_ templateID: String, locale: String, values: TemplateValue) throws -> RenderedEmail {
        try renderEmail(templateID, locale: locale, values: values, subjectInLocale: nil)
    }

    /// `renderEmail(_:locale:values:)`, but when the template is found in `locale` itself (no fallback) and
    /// `subjectInLocale` is given, that is the subject and the template's is not rendered (the enqueuer's flow
    /// subject, which would replace it anyway).
    func renderEmail(_ templateID: String, locale: String, values: TemplateValue, subjectInLocale: String?) throws
        -> RenderedEmail
    {
        let found = try resolve(templateID, locale: locale, needs: [.subject, .text])
        let subject: String
        if let subjectInLocale, found == locale {
            subject = subjectInLocale
        } else {
            subject = render(templateID, found, .subject, values)
                .split(whereSeparator: \.isNewline).map { $0.trimmingScalars(in: .whitespaces) }
                .filter { !$0.isEmpty }.joined(separator: " ")
        }
        let text = render(templateID, found, .text, values).trimmingScalars(in: .whitespacesAndNewlines) + "\n"
        let html = index[templateID]?[found]?.contains(.html) == true
            ? render(templateID, found, .html, values).trimmingScalars(in: .whitespacesAndNewlines) + "\n" : nil
        return RenderedEmail(subject: subject, text: text, html: html, locale: found)
    }

    /// Renders the SMS text of a template in the first locale of the fallback chain that has one.
    /// - Throws: `TemplateError` when the template has no SMS text in any locale of the chain.
    public func renderSMS(_ templateID: String, locale: String, values: TemplateValue) throws -> RenderedSMS {
        let found = try resolve(templateID, locale: locale, needs: [.sms])
        let text = render(templateID, found, .sms, values).trimmingScalars(in: .whitespacesAndNewlines)
        return RenderedSMS(text: text, locale: found)
    }

    private func resolve(_ templateID: String, locale: String, needs: Set<TemplatePart>) throws -> String {
        guard let locales = index[templateID] else {
            throw TemplateError("template \(templateID): not found (known: \(templateIDs.joined(separator: ", ")))")
        }
        let chain = LocaleFallback.chain(for: locale, defaultLocale: defaultLocale)
        guard let found = chain.first(where: { locales[$0]?.isSuperset(of: needs) == true }) else {
            let parts = needs.map(\.rawValue).sorted().joined(separator: " and ")
            throw TemplateError("template \(templateID): no \(parts) for locale \(locale) (tried \(chain.joined(separator: ", ")))")
        }
        return found
    }

    /// A part rendered with its compiled plan, or with swift-mustache when it has none or the values take a path
    /// the plan does not cover.
    private func render(_ templateID: String, _ locale: String, _ part: TemplatePart, _ values: TemplateValue) -> String {
        let name = Self.name(templateID, locale, part)
        if let plan = plans[name], let rendered = plan.render(values) { return rendered }
        return library.render(MustacheValue(values), withTemplate: name) ?? ""
    }

    /// The compiled plan of a part in exactly this locale, nil when it renders with swift-mustache.
    func plan(_ templateID: String, locale: String, part: TemplatePart) -> CompiledTemplate? {
        plans[Self.name(templateID, LocaleFallback.normalize(locale), part)]
    }

    /// A part in exactly this locale rendered by swift-mustache, untrimmed (the reference for the plans).
    func renderWithMustache(_ templateID: String, locale: String, part: TemplatePart, values: TemplateValue) -> String {
        library.render(MustacheValue(values), withTemplate: Self.name(templateID, LocaleFallback.normalize(locale), part)) ?? ""
    }

    private static func name(_ templateID: String, _ locale: String, _ part: TemplatePart) -> String {
        "\(templateID)/\(locale).\(part.rawValue)"
    }

    private static let htmlPrefix = "{{% CONTENT_TYPE: \(HTMLEscaping.name)}}\n"

    /// A file parsed by swift-mustache (the reference, and the fallback) and by `TemplateParser` (nil when
    /// outside its subset).
    private static func load(_ file: URL, escapesHTML: Bool) throws -> (MustacheTemplate, [TemplateNode]?) {
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw TemplateError("template file \(file.path): cannot be read")
        }
        // Plain-text parts switch Mustache's escaping off on their first line (line numbers stay right).
        // HTML parts switch to the same escaping done faster (HTMLEscaping), on a line of their own: a
        // standalone tag line is removed whole, so the file's first line parses as it did without it.
        let text = (escapesHTML ? Self.htmlPrefix : "{{% CONTENT_TYPE: TEXT}}") + String(decoding: data, as: UTF8.self)
        var nodes: [TemplateNode]?
        var malformed: (line: Int, column: Int, reason: String)?
        do {
            nodes = try TemplateParser.parse(text)
        } catch .malformed(let line, let column, let reason) {
            // The line the loader puts before an HTML file, the tag before a text file's first line, not counted.
            let prefix = "{{% CONTENT_TYPE: TEXT}}".count
            malformed = escapesHTML ? (line - 1, column, reason) : (line, line == 1 ? column - prefix : column, reason)
        } catch {
            nodes = nil  // outside the compiled subset: swift-mustache renders it
        }
        do {
            return (try MustacheTemplate(string: text), nodes)
        } catch let error as MustacheTemplate.ParserError {
            if let malformed {
                throw TemplateError("template file \(file.path): line \(malformed.line), column \(malformed.column): \(malformed.reason)")
            }
            let line = error.context.lineNumber - (escapesHTML ? 1 : 0)
            throw TemplateError("template file \(file.path): line \(line): \(error.error)")
        } catch {
            throw TemplateError("template file \(file.path): \(error)")
        }
    }
}
