import Foundation
import HTTPTypes
import Hummingbird

/// `GET /openapi.yaml` (the API's contract, open) and `GET /metrics` (Prometheus text format; needs a key
/// with the `read` scope, which `APIKeyMiddleware` checks).
struct OperationsRoutes: Sendable {
    let metrics: ServerMetrics

    /// The API document this server was built from.
    static let openAPIDocument: ByteBuffer? = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml"),
            let data = try? Data(contentsOf: url)
        else { return nil }
        return ByteBuffer(bytes: data)
    }()

    func register(on router: Router<FlywheelRequestContext>) {
        router.get("/openapi.yaml") { _, _ -> Response in
            guard let document = Self.openAPIDocument else { throw HTTPError(.notFound) }
            var headers = HTTPFields()
            headers[.contentType] = "application/yaml; charset=utf-8"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: document))
        }
        router.get("/metrics") { _, _ -> Response in
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: metrics.exposition())))
        }
    }
}
