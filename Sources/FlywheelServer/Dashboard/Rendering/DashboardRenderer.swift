import Foundation
import HTTPTypes
import Hummingbird
import Mustache

/// The dashboard's Mustache templates (`Dashboard/Templates/*.mustache`, shipped as resources) and its
/// stylesheet, loaded once; renders a page into an HTML response. Mustache escapes every `{{value}}`;
/// only the server-drawn SVG charts are inserted raw (`{{{svg}}}`), and they escape their own texts.
struct DashboardRenderer: Sendable {
    private let library: MustacheLibrary
    let stylesheet: ByteBuffer

    /// Reads the templates and the stylesheet from the module's resources.
    static func load() throws -> DashboardRenderer {
        guard let base = Bundle.module.resourceURL else { throw DashboardResourceError("the resource bundle is missing") }
        let folder = base.appendingPathComponent("Templates")
        var templates: [String: MustacheTemplate] = [:]
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            templates[String(name.dropLast(".mustache".count))] = try MustacheTemplate(string: text)
        }
        guard templates["layout"] != nil else { throw DashboardResourceError("the layout template is missing") }
        let css = try Data(contentsOf: base.appendingPathComponent("Assets").appendingPathComponent("dashboard.css"))
        return DashboardRenderer(library: MustacheLibrary(templates: templates), stylesheet: ByteBuffer(bytes: css))
    }

    /// The page `template` with `view`'s context, as `text/html`.
    func page(_ template: String, _ view: DashboardView, status: HTTPResponse.Status = .ok) -> Response {
        let html = library.render(view.context(), withTemplate: template) ?? "template \(template) is missing"
        return Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}

/// The dashboard's templates or stylesheet could not be read.
struct DashboardResourceError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = "dashboard: \(description)" }
}
