import Foundation
import HTTPTypes
import Hummingbird
import Mustache

/// The customer pages' Mustache templates (`CustomerPages/CustomerTemplates/*.mustache`, shipped as resources),
/// loaded once. Every `{{value}}` is escaped; the pages carry no script. Answers get the dashboard's security
/// headers (CSP without script, no framing, no sniffing, no caching) and no referrer at all, since the page's
/// address holds the customer's token.
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
        guard templates["customer_layout"] != nil else {
            throw DashboardResourceError("the customer pages' layout template is missing")
        }
        return CustomerPageRenderer(library: MustacheLibrary(templates: templates))
    }

    /// The page `template` with `context` (the words of `locale` are added as `t`), as `text/html`.
    func page(
        _ template: String, _ context: [String: Any], locale: CustomerPageLocale, status: HTTPResponse.Status = .ok
    ) -> Response {
        var context = context
        context["t"] = CustomerPageText.table(locale.language)
        context["lang"] = locale.language.rawValue
        return page(template, context, status: status)
    }

    /// The page `template` rendered with `context` as given (the page brings its own words, e.g. the loyalty
    /// page in the programme's texts), as `text/html` with the security headers.
    func page(_ template: String, _ context: [String: Any], status: HTTPResponse.Status = .ok) -> Response {
        let html = library.render(context, withTemplate: template) ?? "template \(template) is missing"
        var response = Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: html)))
        Self.secure(&response.headers)
        return response
    }

    /// A page with a title and paragraphs (and optionally a link below them).
    func message(
        title: String, paragraphs: [String], link: (href: String, label: String)? = nil, locale: CustomerPageLocale,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        var context: [String: Any] = ["title": title, "paragraphs": paragraphs]
        if let link { context["link"] = ["href": link.href, "label": link.label] }
        return page("customer_message", context, locale: locale, status: status)
    }

    /// The security headers of every customer page answer.
    static func secure(_ headers: inout HTTPFields) {
        DashboardHeaders.apply(to: &headers)
        headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
    }
}
