import Foundation
import Testing

@testable import FlywheelMessaging

/// The compiled plans against swift-mustache, the reference: every shipped template (and the features folder,
/// and a corpus of whitespace and section cases) rendered with many generated value trees must give the same
/// bytes (docs/messaging.md, "Rendering fast").
@Suite("Compiled templates: the same bytes as swift-mustache")
struct CompiledTemplateDifferentialTests {
    /// How many renders went through a plan and how many the plan handed back to swift-mustache.
    struct Tally {
        var compiled = 0
        var handedBack = 0
    }

    /// Compares every part of every template of `compiled` (with its plan) and `reference` (swift-mustache only)
    /// for `values`, raw and as `renderEmail`/`renderSMS` return it.
    static func compare(
        _ compiled: MessageTemplates, _ reference: MessageTemplates, values: TemplateValue, label: String,
        tally: inout Tally
    ) throws {
        for id in reference.templateIDs {
            for locale in reference.locales(of: id) {
                let parts = reference.parts(of: id, locale: locale)
                for part in parts {
                    let want = reference.renderWithMustache(id, locale: locale, part: part, values: values)
                    guard let plan = compiled.plan(id, locale: locale, part: part) else { continue }
                    if let got = plan.render(values) {
                        tally.compiled += 1
                        if Array(got.utf8) != Array(want.utf8) {
                            Issue.record("\(label) \(id)/\(locale).\(part.rawValue): \(RenderedTemplatesFixtureTests.firstDifference(got, want))")
                            return
                        }
                    } else {
                        tally.handedBack += 1
                    }
                }
                if parts.isSuperset(of: [.subject, .text]) {
                    let got = try compiled.renderEmail(id, locale: locale, values: values)
                    let want = try reference.renderEmail(id, locale: locale, values: values)
                    #expect(Array(got.subject.utf8) == Array(want.subject.utf8), "\(label) \(id)/\(locale) subject")
                    #expect(Array(got.text.utf8) == Array(want.text.utf8), "\(label) \(id)/\(locale) text")
                    #expect(got.html.map { Array($0.utf8) } == want.html.map { Array($0.utf8) }, "\(label) \(id)/\(locale) html")
                }
                if parts.contains(.sms) {
                    let got = try compiled.renderSMS(id, locale: locale, values: values)
                    let want = try reference.renderSMS(id, locale: locale, values: values)
                    #expect(Array(got.text.utf8) == Array(want.text.utf8), "\(label) \(id)/\(locale) sms")
                }
            }
        }
    }

    @Test("every shipped part compiles to a plan")
    func shippedPartsCompile() throws {
        let templates = try MessageTemplates.bundled()
        for id in templates.templateIDs {
            for locale in templates.locales(of: id) {
                for part in templates.parts(of: id, locale: locale) {
                    #expect(templates.plan(id, locale: locale, part: part) != nil, "\(id)/\(locale).\(part.rawValue)")
                }
            }
        }
    }

    @Test("every shipped template × de/en × 80 generated value trees: the same bytes as swift-mustache")
    func shippedGenerated() throws {
        let compiled = try MessageTemplates.bundled()
        let reference = try MessageTemplates.bundled(compiles: false)
        let vocabulary = Self.vocabulary(of: Self.shippedFolder)
        try #require(vocabulary.names.count > 30, "the shipped templates' names were not found in \(Self.shippedFolder.path)")
        var generator = ValueTreeGenerator(seed: 0x5EED_F1F0, vocabulary: vocabulary)
        var tally = Tally()
        for round in 0..<80 {
            try Self.compare(compiled, reference, values: generator.tree(), label: "tree \(round)", tally: &tally)
        }
        // The plans must do the work: hand-backs are for values printed as lists or objects (the generator
        // makes 1–3 % of printed fields one), and rare; but they happen, so the hand-back is exercised too.
        #expect(tally.compiled > 4 * tally.handedBack, "compiled \(tally.compiled), handed back \(tally.handedBack)")
        #expect(tally.handedBack > 0)
    }

    @Test("the fixtures' customers and the features folder (indented partials, delimiters fall back): same bytes")
    func fixturesAndFeatures() throws {
        let features = RenderedTemplatesFixtureTests.fixtures.appendingPathComponent("features")
        var tally = Tally()
        for (compiled, reference, folder) in [
            (try MessageTemplates.bundled(), try MessageTemplates.bundled(compiles: false), Self.shippedFolder),
            (try MessageTemplates(directory: features), try MessageTemplates(directory: features, compiles: false), features),
        ] {
            for values in [RenderedTemplatesFixtureTests.full(), RenderedTemplatesFixtureTests.escaping(), RenderedTemplatesFixtureTests.sparse()] {
                try Self.compare(compiled, reference, values: RenderedTemplatesFixtureTests.featureValues(values), label: "fixture", tally: &tally)
            }
            let vocabulary = Self.vocabulary(of: folder)
            try #require(!vocabulary.names.isEmpty, "no names found in \(folder.path)")
            var generator = ValueTreeGenerator(seed: 42, vocabulary: vocabulary)
            for round in 0..<40 {
                try Self.compare(compiled, reference, values: generator.tree(), label: "\(folder.lastPathComponent) tree \(round)", tally: &tally)
            }
        }
        #expect(tally.compiled > 0)
    }

    @Test("a corpus of whitespace, section, inheritance and transform cases: same bytes", arguments: TemplateCorpus.cases.indices)
    func corpus(_ index: Int) throws {
        let folder = try TemplateCorpus.folder(for: TemplateCorpus.cases[index])
        defer { try? FileManager.default.removeItem(at: folder) }
        let compiled = try MessageTemplates(directory: folder)
        let reference = try MessageTemplates(directory: folder, compiles: false)
        #expect(compiled.plan("case", locale: "en", part: .text) != nil, "case \(index) should compile")
        var tally = Tally()
        var generator = ValueTreeGenerator(seed: UInt64(index + 1), vocabulary: TemplateCorpus.vocabulary)
        try Self.compare(compiled, reference, values: TemplateCorpus.values, label: "case \(index) fixed", tally: &tally)
        for round in 0..<60 {
            try Self.compare(compiled, reference, values: generator.tree(), label: "case \(index) tree \(round)", tally: &tally)
        }
    }

    static let shippedFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/FlywheelMessaging/Templates/Default")

    /// The dotted names the templates of a folder use, split: what generated trees should (sometimes) hold.
    static func vocabulary(of folder: URL) -> ValueTreeGenerator.Vocabulary {
        var names = Set<[String]>()
        var sections = Set<[String]>()
        var printed = Set<[String]>()
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
            var rest = text[...]
            while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
                var name = String(rest[open.upperBound..<close.lowerBound]).trimmingCharacters(in: .whitespaces)
                let opensSection = name.first == "#" || name.first == "^"
                let closesSection = name.first == "/" || name.first == "$"
                if let first = name.first, "#^/&$".contains(first) { name.removeFirst() }
                if let bracket = name.lastIndex(of: "(") { name = String(name[name.index(after: bracket)...]) }
                name = name.replacingOccurrences(of: ")", with: "").replacingOccurrences(of: "{", with: "")
                let parts = name.split(separator: ".").map(String.init)
                if !parts.isEmpty, parts.allSatisfy({ $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } }) {
                    names.insert(parts)
                    if opensSection { sections.insert(parts) } else if !closesSection { printed.insert(parts) }
                }
                rest = rest[close.upperBound...]
            }
        }
        return ValueTreeGenerator.Vocabulary(
            names: names.sorted { $0.joined(separator: ".") < $1.joined(separator: ".") }, sections: sections, printed: printed)
    }
}
