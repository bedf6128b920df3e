import Foundation
import HTTPTypes
import Hummingbird
import Mustache

/// The Mustache templates of the pages customers reach by a signed link (`CustomerPages/CustomerTemplates`,
/// shipped as resources), loaded once. Mustache escapes every `{{value}}`; the pages have no raw inserts.
/// Answers carry the dashboard's security headers (no script, nothing from elsewhere, no framing, no cache).
struct CustomerPageRenderer: Sendable {
    private let library: MustacheLibrary

    static func load() throws -> CustomerPageRenderer {
        guard let base = Bundle.module.resourceURL else { throw DashboardResourceError("the resource bundle is missing") }
        let folder = base.appendingPathComponent("CustomerTemplates")
        var templates: [String: MustacheTemplate] = [:]
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            templates[String(name.dropLast(".mustache".count))] = try MustacheTemplate(string: text)
        }
        return CustomerPageRenderer(library: MustacheLibrary(templates: templates))
    }

    /// The page `template` rendered with `context`, as `text/html` with the security headers.
    func page(_ template: String, _ context: [String: Any], status: HTTPResponse.Status = .ok) -> Response {
        let html = library.render(context, withTemplate: template) ?? "template \(template) is missing"
        var headers: HTTPFields = [.contentType: "text/html; charset=utf-8"]
        DashboardHeaders.apply(to: &headers)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}
