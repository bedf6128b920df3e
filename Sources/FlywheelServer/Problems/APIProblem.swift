import Foundation
public import HTTPTypes

/// An error the API answers as RFC 9457 `application/problem+json`: a status, a short title, a detail, and
/// for bad input the JSON pointer of each bad field. Its text never carries secrets or customer data beyond
/// the field names and the caller's own ids.
public struct APIProblem: Error, Sendable, Equatable {
    /// One bad field.
    public struct FieldError: Sendable, Equatable, Codable {
        /// JSON pointer of the field (`/line_items/2/quantity`).
        public var pointer: String
        /// What is wrong with it.
        public var detail: String

        /// Makes a field error.
        public init(pointer: String, detail: String) {
            self.pointer = pointer
            self.detail = detail
        }
    }

    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// A slug naming the kind of problem; the `type` URI is `/problems/<slug>`.
    public var slug: String
    /// A short, fixed summary of the kind.
    public var title: String
    /// What happened in this case.
    public var detail: String?
    /// The bad fields, for input problems.
    public var errors: [FieldError]

    /// Makes a problem.
    public init(
        status: HTTPResponse.Status, slug: String, title: String, detail: String? = nil, errors: [FieldError] = []
    ) {
        self.status = status
        self.slug = slug
        self.title = title
        self.detail = detail
        self.errors = errors
    }

    static func badRequest(_ detail: String, errors: [FieldError] = []) -> APIProblem {
        APIProblem(status: .badRequest, slug: "bad-request", title: "The request is not well-formed", detail: detail, errors: errors)
    }

    static func invalid(_ errors: [FieldError], detail: String = "Some fields break a rule; nothing was stored.") -> APIProblem {
        APIProblem(status: .unprocessableContent, slug: "validation", title: "Invalid fields", detail: detail, errors: errors)
    }

    static func unprocessable(slug: String, title: String, detail: String) -> APIProblem {
        APIProblem(status: .unprocessableContent, slug: slug, title: title, detail: detail)
    }

    /// The store failed; nothing was stored. `detail` says what could not be done.
    static func storeUnavailable(_ detail: String) -> APIProblem {
        APIProblem(status: .serviceUnavailable, slug: "store-unavailable", title: "Storage failed", detail: detail)
    }

    static func notFound(_ detail: String) -> APIProblem {
        APIProblem(status: .notFound, slug: "not-found", title: "Not found", detail: detail)
    }

    static func unauthorized(_ detail: String) -> APIProblem {
        APIProblem(status: .unauthorized, slug: "unauthorized", title: "Not authenticated", detail: detail)
    }

    static func forbidden(_ detail: String) -> APIProblem {
        APIProblem(status: .forbidden, slug: "forbidden", title: "Missing scope", detail: detail)
    }

    static func tooLarge(limit: Int) -> APIProblem {
        APIProblem(
            status: .contentTooLarge, slug: "too-large", title: "Body too large",
            detail: "The body is larger than \(limit) bytes.")
    }

    /// The problem as its JSON document.
    func document(instance: String?) -> Data {
        var object: [String: Any] = [
            "type": "/problems/\(slug)", "title": title, "status": status.code,
        ]
        if let detail { object["detail"] = detail }
        if let instance { object["instance"] = instance }
        if !errors.isEmpty { object["errors"] = errors.map { ["pointer": $0.pointer, "detail": $0.detail] } }
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
    }
}
