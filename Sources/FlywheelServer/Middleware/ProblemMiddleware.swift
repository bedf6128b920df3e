import FlywheelCore
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import OpenAPIRuntime

/// The outermost middleware: turns every error into an RFC 9457 `application/problem+json` answer.
///
/// Known problems (`APIProblem`, Hummingbird's `HTTPError`, decoding errors of the OpenAPI layer) keep their
/// status; anything else is logged (type only, never values) and answered 500 without details.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            let problem = Self.problem(for: error, logger: context.logger)
            return Self.response(problem, path: request.uri.path)
        }
    }

    static func response(_ problem: APIProblem, path: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/problem+json"
        if problem.status == .unauthorized { headers[.wwwAuthenticate] = #"Bearer realm="flywheel""# }
        return Response(
            status: problem.status, headers: headers,
            body: .init(byteBuffer: ByteBuffer(bytes: problem.document(instance: path))))
    }

    static func problem(for error: any Error, logger: Logger) -> APIProblem {
        switch error {
        case let problem as APIProblem:
            return problem
        case let error as ServerError:
            return problem(forServerError: error, logger: logger)
        case let error as HTTPError:
            return APIProblem(
                status: error.status, slug: error.status.code == 413 ? "too-large" : "http-\(error.status.code)",
                title: error.status.reasonPhrase, detail: error.body)
        default:
            logger.error("unexpected error", metadata: ["error.type": "\(type(of: error))"])
            return APIProblem(status: .internalServerError, slug: "internal", title: "Internal error")
        }
    }

    /// Errors the generated server code wraps: bad JSON, wrong types, missing fields, bad parameters.
    private static func problem(forServerError error: ServerError, logger: Logger) -> APIProblem {
        if let problem = error.underlyingError as? APIProblem { return problem }
        if let decoding = Self.decodingError(in: error.underlyingError) {
            return .badRequest("The body does not match the schema.", errors: [decoding])
        }
        if error.underlyingError is HTTPError, let http = error.underlyingError as? HTTPError {
            return problem(for: http, logger: logger)
        }
        // Parameter conversion, content type and the like: the runtime's own words, without values.
        let cause = error.causeDescription
        if cause.localizedCaseInsensitiveContains("content type") {
            return APIProblem(
                status: .unsupportedMediaType, slug: "unsupported-media-type", title: "Unsupported media type",
                detail: "Send the body as application/json.")
        }
        return .badRequest(cause)
    }

    /// A decoding error as a field error with its JSON pointer.
    static func decodingError(in error: any Error) -> APIProblem.FieldError? {
        guard let error = error as? DecodingError else { return nil }
        func pointer(_ path: [any CodingKey], appending key: (any CodingKey)? = nil) -> String {
            let keys = path + (key.map { [$0] } ?? [])
            return "/" + keys.map { $0.intValue.map(String.init) ?? Self.escapePointer($0.stringValue) }.joined(separator: "/")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return .init(pointer: pointer(context.codingPath, appending: key), detail: "is required")
        case .typeMismatch(let type, let context):
            return .init(pointer: pointer(context.codingPath), detail: "must be \(Self.typeName(type))")
        case .valueNotFound(let type, let context):
            return .init(pointer: pointer(context.codingPath), detail: "must be \(Self.typeName(type)), not null")
        case .dataCorrupted(let context):
            if context.debugDescription.contains("RFC 3339") {
                return .init(pointer: pointer(context.codingPath), detail: "must be an RFC 3339 date-time")
            }
            let detail = context.codingPath.isEmpty ? "is not valid JSON" : Self.corruptedDetail(context.debugDescription)
            return .init(pointer: context.codingPath.isEmpty ? "" : pointer(context.codingPath), detail: detail)
        @unknown default:
            return .init(pointer: "", detail: "cannot be decoded")
        }
    }

    private static func corruptedDetail(_ debug: String) -> String {
        if debug.localizedCaseInsensitiveContains("additional properties") || debug.contains("Unexpected") {
            return "is not a known field"
        }
        if debug.localizedCaseInsensitiveContains("date") { return "must be an RFC 3339 date-time" }
        if debug.localizedCaseInsensitiveContains("enum") || debug.localizedCaseInsensitiveContains("raw value") {
            return "is not one of the allowed values"
        }
        return "has an invalid value"
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type, is Int32.Type: "an integer"
        case is Double.Type: "a number"
        case is Bool.Type: "true or false"
        default: "\(type)".contains("Array") ? "an array" : "an object"
        }
    }

    static func escapePointer(_ key: String) -> String {
        key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }
}
