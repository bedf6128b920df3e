import AsyncHTTPClient
import Foundation
import Mustache
import NIOCore
import NIOHTTP1

/// Sends SMS through an HTTP gateway: one POST per message, the body from the configured template, success
/// by status code. Uses AsyncHTTPClient (HTTPS, connection pooling, timeouts).
public struct SMSGateway: Sendable {
    private let configuration: SMSGatewayConfiguration
    private let template: MustacheTemplate
    private let client: HTTPClient

    /// Creates a gateway client; uses the shared HTTP client unless one is given.
    /// - Throws: `SMSError` (`.configuration`) when the body template does not parse.
    public init(configuration: SMSGatewayConfiguration) throws {
        try self.init(configuration: configuration, client: .shared)
    }

    init(configuration: SMSGatewayConfiguration, client: HTTPClient) throws {
        _ = SMSBodyEscaping.registered
        let contentType = configuration.bodyFormat == .json ? SMSBodyEscaping.jsonName : SMSBodyEscaping.formName
        do {
            self.template = try MustacheTemplate(string: "{{% CONTENT_TYPE: \(contentType)}}" + configuration.bodyTemplate)
        } catch {
            throw SMSError(code: .configuration, detail: "the SMS body template does not parse: \(error)")
        }
        guard let url = URL(string: configuration.url), let scheme = url.scheme, ["http", "https"].contains(scheme) else {
            throw SMSError(code: .configuration, detail: "the SMS gateway URL \(configuration.url) is not an http(s) URL")
        }
        self.configuration = configuration
        self.client = client
    }

    /// The request body for a message (as sent).
    public func body(for message: SMSMessage) -> String {
        let values: [String: String] = [
            "to": message.to, "from": configuration.sender, "text": message.text, "key": message.messageKey,
        ]
        return template.render(values)
    }

    /// Sends one SMS.
    /// - Throws: `SMSError`; `isRetryable` tells a temporary failure from a permanent one.
    public func send(_ message: SMSMessage) async throws -> SMSReceipt {
        var request = HTTPClientRequest(url: configuration.url)
        request.method = .POST
        for (name, value) in configuration.headers { request.headers.add(name: name, value: value) }
        request.headers.replaceOrAdd(name: "Content-Type", value: configuration.bodyFormat.contentType)
        if let header = configuration.idempotencyHeader { request.headers.replaceOrAdd(name: header, value: message.messageKey) }
        request.body = .bytes(ByteBuffer(string: body(for: message)))
        let response: HTTPClientResponse
        var answer = ByteBuffer()
        do {
            response = try await client.execute(request, timeout: TimeAmount(configuration.timeout))
            // The first 4 KiB of the answer are kept; the rest is not needed.
            for try await var chunk in response.body where answer.readableBytes < 4096 {
                answer.writeBuffer(&chunk)
            }
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout
            || error == .connectTimeout
        {
            throw SMSError(code: .timeout, detail: "no answer from \(configuration.url) in time (\(error))")
        } catch {
            throw SMSError(code: .transport, detail: "the request to \(configuration.url) failed: \(error)")
        }
        let status = Int(response.status.code)
        let text = String(buffer: answer)
        guard configuration.successStatusCodes.contains(status) else {
            throw SMSError(code: .rejected, statusCode: status, detail: "the gateway answered: \(text.prefix(300))")
        }
        return SMSReceipt(statusCode: status, body: text)
    }
}
