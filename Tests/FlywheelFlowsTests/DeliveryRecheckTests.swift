import FlywheelCore
import FlywheelFlows
import Testing

@Suite("DeliveryRecheck: what may no longer go out at delivery")
struct DeliveryRecheckTests {
    private func reason(
        _ messageClass: MessageClass, _ channel: Channel = .email, stored: Bool = true, consent: ConsentState? = .granted,
        suppression: SuppressionReason? = nil
    ) -> String? {
        DeliveryRecheck.withdrawal(
            messageClass: messageClass, channel: channel, customerStored: stored, consent: consent, suppression: suppression)
    }

    @Test("an unsubscribe withdraws marketing only; an objection or complaint service too; a hard bounce or erasure everything")
    func suppressionsByClass() {
        #expect(reason(.marketing, suppression: .unsubscribed) == "withdrawn before delivery: the address is suppressed (unsubscribed)")
        #expect(reason(.service, suppression: .unsubscribed) == nil)
        #expect(reason(.transactional, suppression: .unsubscribed) == nil)
        for cause in [SuppressionReason.objected, .complained] {
            #expect(reason(.marketing, suppression: cause) != nil)
            #expect(reason(.service, suppression: cause) == "withdrawn before delivery: the address is suppressed (\(cause.rawValue))")
            #expect(reason(.transactional, suppression: cause) == nil)
        }
        for cause in [SuppressionReason.hardBounce, .erased] {
            for messageClass in MessageClass.allCases { #expect(reason(messageClass, suppression: cause) != nil) }
        }
    }

    @Test("revoked e-mail consent withdraws marketing e-mail; pending or unknown (the exemption's case) does not")
    func emailConsent() {
        #expect(reason(.marketing, consent: .revoked) == "withdrawn before delivery: the customer revoked e-mail consent")
        #expect(reason(.marketing, consent: .granted) == nil)
        #expect(reason(.marketing, consent: .unknown) == nil)
        #expect(reason(.marketing, consent: .pending) == nil)
        #expect(reason(.service, consent: .revoked) == nil)
        #expect(reason(.transactional, consent: .revoked) == nil)
    }

    @Test("marketing SMS needs granted consent still")
    func smsConsent() {
        #expect(reason(.marketing, .sms, consent: .granted) == nil)
        for state in [ConsentState.revoked, .pending, .unknown] {
            #expect(reason(.marketing, .sms, consent: state) == "withdrawn before delivery: the customer has no SMS consent any more")
        }
        #expect(reason(.service, .sms, consent: .revoked) == nil)
    }

    @Test("a customer no longer stored (erased) gets no marketing or service; transactional mail to a valid address still goes")
    func customerGone() {
        #expect(reason(.marketing, stored: false, consent: nil) == "withdrawn before delivery: the customer is no longer stored (erased)")
        #expect(reason(.service, stored: false, consent: nil) != nil)
        #expect(reason(.transactional, stored: false, consent: nil) == nil)
    }
}
