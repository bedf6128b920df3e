import AsyncHTTPClient
import Crypto
public import Foundation
import NIOCore

/// Calls the URLs of flows' `call_webhook` steps: an HTTP POST of a `FlowWebhookPayload` with
///
/// - `Content-Type: application/json`,
/// - `Idempotency-Key`: the step's key, the same on every repetition, so the receiver can drop repeats
///   (the scheduler is at-least-once),
/// - `Flywheel-Signature: sha256=<hex>`: HMAC-SHA256 of the exact body bytes under the shop's webhook secret
///   (the receiver recomputes it and compares in constant time),
/// - `Flywheel-Event`: the step's event name,
///
/// and a timeout. A 2xx answer is success; anything else throws `FlowWebhookError`. Uses AsyncHTTPClient's
/// shared client, as the SMS gateway does.
public struct FlowWebhookCaller: Sendable {
    /// The secret's bytes (`SymmetricKey` is not `Sendable`; the key is made per call).
    private let secret: Data
    private let timeout: Duration
    private let client: HTTPClient

    /// A caller signing with `secret` (e.g. `CustomerLinkSigner.derivedSecret(label: "flow-webhooks")`), giving
    /// each call `timeout`.
    public init(secret: String, timeout: Duration = .seconds(10)) {
        self.init(secret: secret, timeout: timeout, client: .shared)
    }

    init(secret: String, timeout: Duration, client: HTTPClient) {
        self.secret = Data(secret.utf8)
        self.timeout = timeout
        self.client = client
    }

    /// The secret `flywheel serve` signs with: derived from the link secret (`flywheel flows webhook-secret`
    /// prints it for receivers).
    public static func secret(linkSigner: CustomerLinkSigner) -> String {
        linkSigner.derivedSecret(label: "flow-webhooks")
    }

    /// The signature header's value for a body.
    public func signature(of body: Data) -> String {
        "sha256=" + HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: secret)).map { String(format: "%02x", $0) }.joined()
    }

    /// Posts the payload to `url`; returns the status code of a 2xx answer.
    /// - Throws: `FlowWebhookError` (not an http(s) URL, no answer in time, refused, a non-2xx answer).
    @discardableResult
    public func call(url: String, payload: FlowWebhookPayload) async throws -> Int {
        guard let parsed = URL(string: url), let scheme = parsed.scheme, ["http", "https"].contains(scheme),
            parsed.host != nil
        else {
            throw FlowWebhookError(url: url, reason: "not an http(s) URL")
        }
        let body = try payload.body()
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "Idempotency-Key", value: payload.idempotencyKey)
        request.headers.add(name: "Flywheel-Event", value: payload.event)
        request.headers.add(name: "Flywheel-Signature", value: signature(of: body))
        request.body = .bytes(ByteBuffer(bytes: body))
        let status: Int
        do {
            let response = try await client.execute(request, timeout: TimeAmount(timeout))
            status = Int(response.status.code)
            // The answer's body is not needed; read at most 4 KiB so the connection can be reused.
            var read = 0
            for try await chunk in response.body where read < 4096 { read += chunk.readableBytes }
        } catch let error as HTTPClientError
            where error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout
        {
            throw FlowWebhookError(url: url, reason: "no answer in time")
        } catch {
            throw FlowWebhookError(url: url, reason: "the request failed (\(error))")
        }
        guard (200..<300).contains(status) else {
            throw FlowWebhookError(url: url, reason: "answered \(status)")
        }
        return status
    }
}
