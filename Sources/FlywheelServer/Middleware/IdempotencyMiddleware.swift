import Crypto
import FlywheelCore
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Reads the body of every POST under `/api/` (up to `maxBodyBytes`, else 413) and honours `Idempotency-Key`:
/// the first successful (2xx) answer to a key is remembered per API key; a retry with the same key and the
/// same method, path and body gets that answer again (with `Idempotent-Replayed: true`) without touching the
/// store; the same key with another request is refused with 422. Failed requests are not remembered, so a
/// retry after a 4xx or 5xx is tried again.
struct IdempotencyMiddleware: RouterMiddleware {
    typealias Context = FlywheelRequestContext
    let store: any FlywheelStore
    let maxBodyBytes: Int
    let now: @Sendable () -> Date

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard request.method == .post, request.uri.path.hasPrefix("/api/") else {
            return try await next(request, context)
        }
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: maxBodyBytes)
        } catch is NIOTooManyBytesError {
            throw APIProblem.tooLarge(limit: maxBodyBytes)
        }
        guard let header = request.headers[.idempotencyKey] else { return try await next(request, context) }
        guard !header.isEmpty, header.utf8.count <= 255 else {
            throw APIProblem.badRequest(
                "Idempotency-Key must be 1–255 characters.",
                errors: [.init(pointer: "Idempotency-Key", detail: "must be 1–255 characters")])
        }
        let key = (context.apiKey?.id ?? "anonymous") + ":" + header
        var hasher = SHA256()
        hasher.update(data: Data("\(request.method.rawValue) \(request.uri.path)\n".utf8))
        hasher.update(data: Data(body.readableBytesView))
        let requestHash = APIKeyIssuer.hex(hasher.finalize())

        if let stored = try await lookUp(key) {
            return try replay(stored, requestHash: requestHash)
        }
        let response = try await next(request, context)
        guard (200..<300).contains(response.status.code) else { return response }
        let answer = try await Self.collect(response)
        let record = IdempotencyRecord(
            key: key, requestHash: requestHash, statusCode: response.status.code, body: Data(answer.readableBytesView),
            createdAt: now())
        // A concurrent twin may have stored its answer first; it wins, as the record's contract says.
        let kept = (try? await store.saveIdempotencyRecord(record)) ?? record
        if kept.requestHash != record.requestHash || kept.statusCode != record.statusCode || kept.body != record.body {
            return try replay(kept, requestHash: requestHash)
        }
        var replaced = response
        replaced.body = .init(byteBuffer: answer)
        return replaced
    }

    private func lookUp(_ key: String) async throws -> IdempotencyRecord? {
        do { return try await store.idempotencyRecord(key: key) } catch {
            throw APIProblem.storeUnavailable("The idempotency key could not be checked. Retry later.")
        }
    }

    private func replay(_ record: IdempotencyRecord, requestHash: String) throws -> Response {
        guard record.requestHash == requestHash else {
            throw APIProblem.unprocessable(
                slug: "idempotency-key-reused", title: "Idempotency key reused",
                detail: "This Idempotency-Key was used for a different request; use a new key.")
        }
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        headers[.idempotentReplayed] = "true"
        return Response(
            status: .init(code: record.statusCode), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: record.body)))
    }

    /// The whole body of a response (the API's answers are small JSON documents).
    static func collect(_ response: Response) async throws -> ByteBuffer {
        let collector = BodyCollector()
        try await response.body.write(collector)
        return collector.buffer
    }
}

extension HTTPField.Name {
    static let idempotencyKey = Self("Idempotency-Key")!
    static let idempotentReplayed = Self("Idempotent-Replayed")!
}

/// Gathers a response body's buffers.
private final class BodyCollector: ResponseBodyWriter, @unchecked Sendable {
    var buffer = ByteBuffer()

    func write(_ buffer: ByteBuffer) async throws {
        var copy = buffer
        self.buffer.writeBuffer(&copy)
    }

    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
