import Foundation
import Testing

@testable import FlywheelFlows

@Suite("examples/flows: the seeds' library validates against the promised templates")
struct ExampleFlowsTests {
    typealias S = FlowsTestSupport

    static let expectedFlows = [
        "abandoned_cart", "birthday", "delivery_check_in", "first_order_anniversary", "loyalty_launch",
        "order_confirmation", "points_expiry", "replenishment", "review_request", "vip", "win_back",
    ]

    private func files() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: S.examplesFolder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    @Test("every file parses and validates with the template catalogue, its id is its file name")
    func everyFileValidates() throws {
        let urls = try files()
        #expect(urls.map { $0.deletingPathExtension().lastPathComponent } == Self.expectedFlows)
        var used: Set<String> = []
        for url in urls {
            let result = FlowDocument.parse(
                try Data(contentsOf: url), name: url.lastPathComponent, catalogue: S.libraryCatalogue)
            switch result {
            case .success(let definition):
                #expect(definition.id == url.deletingPathExtension().lastPathComponent)
                #expect(definition.locales == [.de, .en])
                for step in definition.steps {
                    if case .send(let spec) = step.kind { used.insert(spec.template) }
                }
                _ = try FlowProgram(definition, catalogue: S.libraryCatalogue)
            case .failure(let error):
                Issue.record("\(error)")
            }
        }
        #expect(used == Set(S.libraryTemplates), "docs/flows.md's template list and the files agree")
    }

    @Test("docs/flows.md lists every template id the library uses")
    func docsListTemplates() throws {
        let docs = S.examplesFolder.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
            "docs/flows.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        for template in S.libraryTemplates { #expect(text.contains("`\(template)`"), "\(template)") }
    }

    @Test("every marketing message of the library can go out under the existing-customer exemption")
    func exemptionReady() throws {
        for url in try files() {
            guard
                case .success(let definition) = FlowDocument.parse(
                    try Data(contentsOf: url), name: url.lastPathComponent)
            else { continue }
            for step in definition.steps {
                guard case .send(let spec) = step.kind, (spec.messageClass ?? definition.messageClass) == .marketing
                else { continue }
                #expect(spec.ownSimilarGoods, "\(definition.id) \(step.id)")
            }
        }
    }
}
