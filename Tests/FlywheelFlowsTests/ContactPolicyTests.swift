import FlywheelCore
import Foundation
import Testing

@testable import FlywheelFlows

@Suite("ContactPolicy: consent by class, suppression and good manners")
struct ContactPolicyTests {
    typealias S = FlowsTestSupport

    private let now = S.berlinInstant(2026, 9, 15, 12, 0)
    private let marketing = MessageIntent(channel: .email, messageClass: .marketing, ownSimilarGoods: true)
    private let strict = ContactPolicy.standard(shopTimeZone: FlowsTestSupport.berlin)

    private func decide(
        _ intent: MessageIntent, _ contact: ContactFacts, policy: ContactPolicy? = nil, inTransit: Bool = false,
        zone: TimeZone? = FlowsTestSupport.berlin, at instant: Date? = nil
    ) -> ContactDecision {
        (policy ?? strict).decide(
            intent, contact: contact, orderInTransit: inTransit, customerTimeZone: zone, now: instant ?? now)
    }

    @Test("marketing needs confirmed consent; pending double opt-in is not consent")
    func marketingConsent() {
        #expect(decide(marketing, ContactFacts(emailConsent: .granted)) == .send(.consent))
        #expect(decide(marketing, ContactFacts(emailConsent: .pending)) == .skip(.noConsent(.email)))
        #expect(decide(marketing, ContactFacts(emailConsent: .unknown)) == .skip(.noConsent(.email)))
    }

    @Test("transactional and service mail need no marketing consent")
    func nonMarketing() {
        let revoked = ContactFacts(emailConsent: .revoked)
        #expect(decide(MessageIntent(channel: .email, messageClass: .transactional), revoked) == .send(.notNeeded))
        #expect(decide(MessageIntent(channel: .email, messageClass: .service), revoked) == .send(.notNeeded))
    }

    @Test(
        "§7(3) UWG: the existing-customer exemption needs a sale address, the notice, own similar goods, no objection")
    func existingCustomer() {
        let eligible = ExistingCustomerFacts(addressFromSale: true, toldOfRightToObject: true)
        let contact = ContactFacts(emailConsent: .unknown, existingCustomer: eligible)
        #expect(decide(marketing, contact) == .send(.existingCustomer))
        #expect(ConsentBasis.existingCustomer.needsOptOutNotice)

        var other = marketing
        other.ownSimilarGoods = false
        #expect(decide(other, contact) == .skip(.noConsent(.email)), "not similar goods")
        #expect(
            decide(marketing, ContactFacts(emailConsent: .revoked, existingCustomer: eligible))
                == .skip(.noConsent(.email)), "objected")
        let untold = ContactFacts(
            existingCustomer: ExistingCustomerFacts(addressFromSale: true, toldOfRightToObject: false))
        #expect(decide(marketing, untold) == .skip(.noConsent(.email)), "not told at collection")
        let notFromSale = ContactFacts(
            existingCustomer: ExistingCustomerFacts(addressFromSale: false, toldOfRightToObject: true))
        #expect(decide(marketing, notFromSale) == .skip(.noConsent(.email)))
        var noExemption = strict
        noExemption.existingCustomerExemption = false
        #expect(
            decide(marketing, contact, policy: noExemption) == .skip(.noConsent(.email)), "switched off by the shop")
        let sms = MessageIntent(channel: .sms, messageClass: .marketing, ownSimilarGoods: true)
        #expect(
            decide(sms, ContactFacts(hasPhone: true, existingCustomer: eligible)) == .skip(.noConsent(.sms)),
            "SMS needs consent")
        #expect(decide(sms, ContactFacts(hasPhone: true, smsConsent: .granted)) == .send(.consent))
    }

    @Test("suppression: an unsubscribe blocks marketing only, a hard bounce or erasure blocks everything")
    func suppression() {
        let transactional = MessageIntent(channel: .email, messageClass: .transactional)
        let service = MessageIntent(channel: .email, messageClass: .service)
        let unsubscribed = ContactFacts(emailConsent: .granted, emailSuppression: .unsubscribed)
        #expect(decide(marketing, unsubscribed) == .skip(.suppressed(.email, .unsubscribed)))
        #expect(decide(service, unsubscribed) == .send(.notNeeded))
        let complained = ContactFacts(emailSuppression: .complained)
        #expect(decide(service, complained) == .skip(.suppressed(.email, .complained)))
        #expect(decide(transactional, complained) == .send(.notNeeded))
        for reason in [SuppressionReason.hardBounce, .erased] {
            #expect(decide(transactional, ContactFacts(emailSuppression: reason)) == .skip(.suppressed(.email, reason)))
        }
        #expect(decide(transactional, ContactFacts(hasEmail: false)) == .skip(.noAddress(.email)))
    }

    @Test("the suppression list normalises addresses and keeps the strongest reason")
    func suppressionList() {
        var list = SuppressionList()
        list.add(" Anna@Example.COM", channel: .email, reason: .unsubscribed)
        list.add("anna@example.com", channel: .email, reason: .hardBounce)
        list.add("anna@example.com", channel: .email, reason: .unsubscribed)
        #expect(list.reason(for: "ANNA@example.com", channel: .email) == .hardBounce)
        list.add("+49 (151) 123-45", channel: .sms, reason: .unsubscribed)
        #expect(list.reason(for: "+4915112345", channel: .sms) == .unsubscribed)
        #expect(list.reason(for: "anna@example.com", channel: .sms) == nil)
        list.remove("anna@EXAMPLE.com", channel: .email)
        #expect(list.reason(for: "anna@example.com", channel: .email) == nil)
        #expect(list.count == 1)
    }

    @Test("no win-back while an order is on its way")
    func winBackInTransit() {
        var winBack = marketing
        winBack.winBack = true
        let contact = ContactFacts(emailConsent: .granted)
        #expect(decide(winBack, contact, inTransit: true) == .skip(.orderInTransit))
        #expect(decide(winBack, contact, inTransit: false) == .send(.consent))
        #expect(decide(marketing, contact, inTransit: true) == .send(.consent), "other flows may send")
    }

    @Test("smart sending skips marketing within 16 hours of the last one; transactional is exempt")
    func smartSending() {
        let recent = ContactFacts(emailConsent: .granted, lastMarketingAt: now.addingTimeInterval(-15 * 3600))
        #expect(decide(marketing, recent) == .skip(.recentlyMessaged(lastAt: now.addingTimeInterval(-15 * 3600))))
        let older = ContactFacts(emailConsent: .granted, lastMarketingAt: now.addingTimeInterval(-17 * 3600))
        #expect(decide(marketing, older) == .send(.consent))
        #expect(decide(MessageIntent(channel: .email, messageClass: .transactional), recent) == .send(.notNeeded))
    }

    @Test("frequency cap: 3 marketing messages in a rolling 7 days across flows")
    func frequencyCap() {
        let days: (Int...) -> [Date] = { $0.map { self.now.addingTimeInterval(-Double($0) * 86_400) } }
        #expect(
            decide(marketing, ContactFacts(emailConsent: .granted, recentMarketing: days(1, 3, 6)))
                == .skip(.frequencyCap(limit: 3)))
        #expect(
            decide(marketing, ContactFacts(emailConsent: .granted, recentMarketing: days(1, 3, 8))) == .send(.consent),
            "one fell out of the window")
    }

    @Test("quiet hours 21:00–08:00 in the customer's zone postpone to the end of the window")
    func quietHours() {
        let contact = ContactFacts(emailConsent: .granted)
        #expect(
            decide(marketing, contact, at: S.berlinInstant(2026, 9, 15, 22, 30))
                == .postpone(until: S.berlinInstant(2026, 9, 16, 8, 0), .quietHours))
        #expect(
            decide(marketing, contact, at: S.berlinInstant(2026, 9, 16, 7, 59))
                == .postpone(until: S.berlinInstant(2026, 9, 16, 8, 0), .quietHours))
        #expect(decide(marketing, contact, at: S.berlinInstant(2026, 9, 16, 8, 0)) == .send(.consent))
        #expect(decide(marketing, contact, at: S.berlinInstant(2026, 9, 15, 20, 59)) == .send(.consent))
        // 04:00 in Berlin is 22:00 in New York: quiet there until 08:00 New York time = 14:00 Berlin.
        #expect(
            decide(marketing, contact, zone: S.newYork, at: S.berlinInstant(2026, 9, 16, 4, 0))
                == .postpone(until: S.berlinInstant(2026, 9, 16, 14, 0), .quietHours))
        #expect(
            decide(
                MessageIntent(channel: .email, messageClass: .transactional), contact,
                at: S.berlinInstant(2026, 9, 15, 23, 0)) == .send(.notNeeded))
    }

    @Test("quiet hours across the spring-forward night end at 08:00 summer time")
    func quietHoursDST() {
        let quiet = QuietHours(start: TimeOfDay(hour: 21, minute: 0)!, end: TimeOfDay(hour: 8, minute: 0)!)
        let end = quiet.end(ofWindowContaining: S.berlinInstant(2026, 3, 28, 23, 0), in: S.berlin)
        #expect(end == S.utcInstant(2026, 3, 29, 6, 0))
        let daytime = QuietHours(start: TimeOfDay(hour: 12, minute: 0)!, end: TimeOfDay(hour: 14, minute: 0)!)
        #expect(
            daytime.end(ofWindowContaining: S.berlinInstant(2026, 3, 2, 13, 0), in: S.berlin)
                == S.berlinInstant(2026, 3, 2, 14, 0))
        #expect(daytime.end(ofWindowContaining: S.berlinInstant(2026, 3, 2, 15, 0), in: S.berlin) == nil)
    }
}
