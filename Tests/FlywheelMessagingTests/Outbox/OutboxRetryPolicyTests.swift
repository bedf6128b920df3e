import FlywheelMessaging
import Foundation
import Testing

/// Backoff with jitter, and which failures are temporary, permanent or a hard bounce.
@Suite("Outbox retry policy and failures")
struct OutboxRetryPolicyTests {
    @Test("exponential backoff, capped, jitter takes off at most its share, no retry after the last attempt")
    func backoff() {
        let policy = OutboxRetryPolicy(maximumAttempts: 5, baseDelay: 60, maximumDelay: 300, jitter: 0.5)
        #expect((1...5).map { policy.delay(afterAttempt: $0, unit: 0) } == [60, 120, 240, 300, 300])
        #expect(policy.delay(afterAttempt: 2, unit: 0.999_999) > 60)
        #expect(policy.delay(afterAttempt: 2, unit: 1) == 60)
        #expect(policy.delay(afterAttempt: 3, unit: 0.5) == 180)
        let now = Date(timeIntervalSince1970: 1_000)
        #expect(policy.nextAttempt(afterAttempt: 4, now: now, unit: 0) == now + 300)
        #expect(policy.nextAttempt(afterAttempt: 5, now: now, unit: 0) == nil)
        #expect(OutboxRetryPolicy(maximumAttempts: 1).nextAttempt(afterAttempt: 1, now: now, unit: 0) == nil)
    }

    @Test("SMTP: 4xx, lost connections and the server's configuration temporary; 5xx to the message permanent; 550 to RCPT or 5.1.x a hard bounce")
    func smtpClassification() {
        let busy = SMTPError(code: .rejected, stage: .recipient, reply: SMTPReply(code: 451, lines: ["4.3.0 busy"]), detail: "")
        #expect(!OutboxFailure(busy).isPermanent && !OutboxFailure(busy).isHardBounce)
        let lost = SMTPError(code: .connectionClosed, stage: .data, detail: "closed")
        #expect(!OutboxFailure(lost).isPermanent)
        let unknown = SMTPError(
            code: .rejected, stage: .recipient, reply: SMTPReply(code: 550, lines: ["5.1.1 Mailbox unavailable"]), detail: "")
        #expect(OutboxFailure(unknown).isPermanent && OutboxFailure(unknown).isHardBounce)
        #expect(OutboxFailure(unknown).reason.contains("550 5.1.1 Mailbox unavailable"))
        let content = SMTPError(
            code: .rejected, stage: .message, reply: SMTPReply(code: 554, lines: ["5.6.0 content rejected"]), detail: "")
        #expect(OutboxFailure(content).isPermanent && !OutboxFailure(content).isHardBounce)
        // The mail server's configuration (a refused password, a certificate that does not verify) is no fault
        // of the message: it stays queued and is retried while the operator fixes it.
        let auth = SMTPError(
            code: .authenticationFailed, stage: .authentication, reply: SMTPReply(code: 535, lines: ["5.7.8 bad credentials"]),
            detail: "")
        #expect(!OutboxFailure(auth).isPermanent && !OutboxFailure(auth).isHardBounce)
        let tls = SMTPError(code: .tls, stage: .startTLS, detail: "CERTIFICATE_VERIFY_FAILED")
        #expect(!OutboxFailure(tls).isPermanent && OutboxFailure(tls).reason.contains("mail server configuration; retried"))
    }

    @Test("SMS: 5xx and 429 temporary, other 4xx permanent, never a bounce")
    func smsClassification() {
        #expect(!OutboxFailure(SMSError(code: .rejected, statusCode: 503, detail: "")).isPermanent)
        #expect(!OutboxFailure(SMSError(code: .rejected, statusCode: 429, detail: "")).isPermanent)
        #expect(!OutboxFailure(SMSError(code: .transport, detail: "refused")).isPermanent)
        let bad = OutboxFailure(SMSError(code: .rejected, statusCode: 400, detail: "bad number"))
        #expect(bad.isPermanent && !bad.isHardBounce)
    }

    @Test("the Message-ID is stable for a key and differs between keys")
    func messageID() {
        let id = OutboxMessageID.make(idempotencyKey: "enr_1/review/3", domain: "mail.shop.example")
        #expect(id == OutboxMessageID.make(idempotencyKey: "enr_1/review/3", domain: "mail.shop.example"))
        #expect(id != OutboxMessageID.make(idempotencyKey: "enr_1/review/4", domain: "mail.shop.example"))
        #expect(id.hasPrefix("fw.") && id.hasSuffix("@mail.shop.example") && id.count == 3 + 32 + 18)
        #expect(!id.contains("enr_1"))
    }
}
