import FlywheelCore
import FlywheelImport
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Logging

/// `POST /webhooks/shopify`: Shopify's webhooks, verified by signature, de-duplicated by delivery id, mapped
/// to records and stored in one batch.
///
/// Answers: 200 when stored, ignored (test orders, unknown topics) or already processed; 401 for a missing or
/// wrong signature (or no secret configured); 400 without `X-Shopify-Topic`/`X-Shopify-Webhook-Id`;
/// 413 above the size limit; 422 when the payload breaks a rule (Shopify retries non-2xx answers, which
/// also heals a refund that arrives before its order); 503 when the store fails.
struct ShopifyWebhookController: Sendable {
    let store: any FlywheelStore
    let signature: ShopifySignature?
    let mapper: ShopifyWebhookMapper
    let maxBodyBytes: Int
    let metrics: ServerMetrics
    let now: @Sendable () -> Date
    /// Told about every batch stored: the dashboard's engine, the loyalty programme.
    var observers: [any IngestObserver] = []

    func register(on router: Router<FlywheelRequestContext>) {
        router.post("/webhooks/shopify") { request, context in try await handle(request, context: context) }
    }

    func handle(_ request: Request, context: FlywheelRequestContext) async throws -> Response {
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: maxBodyBytes)
        } catch is NIOTooManyBytesError {
            throw APIProblem.tooLarge(limit: maxBodyBytes)
        }
        guard let signature else {
            throw APIProblem.unauthorized(
                "Shopify webhooks are off: start flywheel serve with --shopify-webhook-secret or FLYWHEEL_SHOPIFY_WEBHOOK_SECRET.")
        }
        guard let header = request.headers[.shopifyHmac], signature.isValid(header: header, body: body.readableBytesView)
        else {
            metrics.recordWebhook(topic: "unverified", outcome: "bad_signature")
            throw APIProblem.unauthorized("X-Shopify-Hmac-Sha256 is missing or does not match the body.")
        }
        guard let topicName = request.headers[.shopifyTopic], !topicName.isEmpty else {
            throw APIProblem.badRequest("X-Shopify-Topic is missing.")
        }
        guard let deliveryID = request.headers[.shopifyWebhookID], !deliveryID.isEmpty, deliveryID.utf8.count <= 255
        else {
            throw APIProblem.badRequest("X-Shopify-Webhook-Id is missing.")
        }
        let receiptID = "shopify:" + deliveryID
        var logger = context.logger
        logger[metadataKey: "webhook.topic"] = .string(topicName)
        logger[metadataKey: "webhook.id"] = .string(deliveryID)

        if let earlier = try await storeCall({ try await store.webhookReceipt(id: receiptID) }) {
            logger.info("webhook already processed", metadata: ["outcome": .string(earlier.outcome)])
            metrics.recordWebhook(topic: topicName, outcome: "duplicate")
            return Self.answer(["status": "duplicate", "outcome": earlier.outcome])
        }
        guard let topic = ShopifyWebhookTopic(rawValue: topicName) else {
            logger.notice("unknown webhook topic ignored")
            _ = try await record(receiptID, topicName, "ignored: unknown topic")
            metrics.recordWebhook(topic: "unknown", outcome: "ignored")
            return Self.answer(["status": "ignored", "reason": "unknown topic"])
        }

        let outcome: ShopifyWebhookOutcome
        do throws(ShopifyWebhookError) {
            outcome = try mapper.map(topic: topic, body: Data(body.readableBytesView), now: now())
        } catch {
            logger.notice("webhook payload refused", metadata: ["path": .string(error.path)])
            metrics.recordWebhook(topic: topicName, outcome: "refused")
            throw APIProblem.invalid(
                error.issues.map { .init(pointer: Self.pointer($0.field), detail: $0.reason) },
                detail: "The \(topicName) payload breaks a rule (\(error.kind)); nothing was stored.")
        }
        switch outcome {
        case .ignore(let reason):
            logger.info("webhook ignored", metadata: ["reason": .string(reason)])
            _ = try await record(receiptID, topicName, "ignored: \(reason)")
            metrics.recordWebhook(topic: topicName, outcome: "ignored")
            return Self.answer(["status": "ignored", "reason": reason])
        case .store(let batch, let notStored):
            do {
                let counts = try await store.ingest(batch)
                metrics.recordIngest(counts)
                await observers.stored(batch, counts: counts, now: now())
            } catch let error as IngestError {
                logger.notice("webhook refused by the store", metadata: ["field": .string(error.field)])
                metrics.recordWebhook(topic: topicName, outcome: "refused")
                throw APIHandler.problem(error)
            } catch {
                throw Self.storeFailed
            }
            let outcomeText = notStored.map { "stored; not stored: \($0)" } ?? "stored"
            _ = try await record(receiptID, topicName, outcomeText)
            logger.info("webhook stored")
            metrics.recordWebhook(topic: topicName, outcome: "stored")
            var answer = ["status": "stored"]
            if let notStored { answer["not_stored"] = notStored }
            return Self.answer(answer)
        }
    }

    private func record(_ id: String, _ topic: String, _ outcome: String) async throws -> Bool {
        try await storeCall {
            try await store.recordWebhookReceipt(WebhookReceipt(id: id, topic: topic, receivedAt: now(), outcome: outcome))
        }
    }

    private func storeCall<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch { throw Self.storeFailed }
    }

    private static let storeFailed = APIProblem.storeUnavailable("The webhook could not be stored; nothing was stored. Shopify will retry.")

    /// `line_items[2].price` → `/line_items/2/price` (the payload's own field names).
    static func pointer(_ path: String) -> String {
        if path == "body" || path.isEmpty { return "" }
        var result = ""
        for character in path {
            switch character {
            case ".", "[": result.append("/")
            case "]": break
            case "~": result.append("~0")
            case "/": result.append("~1")
            default: result.append(character)
            }
        }
        return result.hasPrefix("/") ? result : "/" + result
    }

    static func answer(_ fields: [String: String]) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])) ?? Data("{}".utf8)
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

extension HTTPField.Name {
    static let shopifyHmac = Self("X-Shopify-Hmac-Sha256")!
    static let shopifyTopic = Self("X-Shopify-Topic")!
    static let shopifyWebhookID = Self("X-Shopify-Webhook-Id")!
}
