import Crypto
import FlywheelAutomation
import FlywheelCore
import FlywheelFlows
import FlywheelServer
import Foundation
import Testing

/// `call_webhook` steps: a signed POST with the step's key, against scripts/http-sink.
@Suite("Flow webhooks", .enabled(if: HTTPSink.available, "python3 is missing (scripts/http-sink)"))
struct FlowWebhookCallerTests {
    static let secret = "flow-webhook-test-secret"

    @Test("a webhook step posts signed JSON with its idempotency key; a failing endpoint is on the timeline")
    func signedPost() async throws {
        let sink = try await HTTPSink.start()
        do {
            try await FlowEffectsFixture.with(.memory, webhooks: FlowWebhookCaller(secret: Self.secret, timeout: .seconds(30))) {
                shop in
                let row = try FlowEffectsFixture.enrolment("enr_1", customer: "c-1", order: "1001")
                let batch = [
                    EnrolmentEffects(
                        enrolment: row,
                        actions: [
                            .callWebhook(WebhookSpec(url: sink.baseURL + "/hooks/vip", event: "vip_reached"), key: "enr_1/hook/2"),
                            .callWebhook(WebhookSpec(url: sink.baseURL + "/status/503/hooks", event: "vip_reached"), key: "enr_1/hook2/3"),
                            .tagCustomer("vip", key: "enr_1/tag/4"),
                        ])
                ]
                let report = try await shop.effects.performReporting(batch)
                #expect(report.done == 2)
                #expect(report.failed == 1)
                let requests = try sink.requests()
                try #require(requests.count == 2)
                let request = requests[0]
                #expect(request.path == "/hooks/vip")
                #expect(request.headers["content-type"] == "application/json")
                #expect(request.headers["idempotency-key"] == "enr_1/hook/2")
                #expect(request.headers["flywheel-event"] == "vip_reached")
                // The signature is HMAC-SHA256 over the exact body bytes.
                let mac = HMAC<SHA256>.authenticationCode(for: Data(request.body.utf8), using: SymmetricKey(data: Data(Self.secret.utf8)))
                #expect(request.headers["flywheel-signature"] == "sha256=" + mac.map { String(format: "%02x", $0) }.joined())
                let json = try #require(try JSONSerialization.jsonObject(with: Data(request.body.utf8)) as? [String: Any])
                #expect(json["event"] as? String == "vip_reached")
                #expect(json["idempotency_key"] as? String == "enr_1/hook/2")
                #expect(json["customer_id"] as? String == "c-1")
                #expect(json["flow_id"] as? String == "effects_test")
                #expect(json["step_id"] as? String == "hook")
                #expect(json["order_id"] as? String == "1001")
                // The 503 is on the customer's timeline; the tag after it was still set.
                let timeline = try await shop.store.timeline(customerID: "c-1", before: nil, limit: 10).entries
                #expect(timeline.map(\.detail) == ["webhook vip_reached failed: webhook \(sink.baseURL)/status/503/hooks: answered 503"])
                #expect(try await shop.store.customerTags(customerID: "c-1").map(\.tag) == ["vip"])
            }
        } catch {
            await sink.stop()
            throw error
        }
        await sink.stop()
    }

    @Test("no answer within the timeout is a failure, not a hang")
    func timeout() async throws {
        // A listening socket that never answers: a port of a socket bound and listened on, never accepted.
        let caller = FlowWebhookCaller(secret: Self.secret, timeout: .milliseconds(300))
        let payload = FlowWebhookPayload(
            event: "e", idempotencyKey: "k", customerID: "c", flowID: "f", flowVersion: 1, stepID: nil, enrolmentID: "enr",
            orderID: nil, occurredAt: Date(timeIntervalSince1970: 0))
        await #expect(throws: FlowWebhookError.self) {
            try await caller.call(url: "http://10.255.255.1:9/never", payload: payload)
        }
        await #expect(throws: FlowWebhookError(url: "ftp://x", reason: "not an http(s) URL")) {
            try await caller.call(url: "ftp://x", payload: payload)
        }
    }
}
