import FlywheelCore
import Foundation
import Testing

@testable import FlywheelLoyalty

@Suite("Paid membership: trial, fees extend the period, member prices and free shipping")
struct MembershipTests {
    static let berlin = ShopCalendar(timeZone: TimeZone(identifier: "Europe/Berlin")!)
    let terms = MembershipTerms(
        feeMinor: 6_900, periodMonths: 12, trialDays: 30, freeShipping: true, fastShipping: true,
        memberPricePercentOff: 10, memberPriceCategories: ["books"])

    static func at(_ year: Int, _ month: Int, _ day: Int) -> Date {
        berlin.instant(localDate: CivilDate(year: year, month: month, day: day)!, secondsOfDay: 0)
    }

    @Test("a trial once, then each fee adds a period from the current end; lapsed members restart from the payment")
    func periods() {
        var state = MembershipState()
        #expect(!state.isActive(at: Self.at(2026, 1, 1)))
        let started = state.startTrial(at: Self.at(2026, 1, 1), terms: terms)
        #expect(started)
        #expect(state.isActive(at: Self.at(2026, 1, 30)))
        let again = state.startTrial(at: Self.at(2026, 3, 1), terms: terms)
        #expect(!again)
        // Paid during the trial: 12 months from the trial's end (31 January).
        #expect(state.pay(at: Self.at(2026, 1, 20), terms: terms, calendar: Self.berlin) == Self.at(2027, 1, 31))
        #expect(!state.isActive(at: Self.at(2027, 1, 31)))
        #expect(state.pay(at: Self.at(2027, 3, 10), terms: terms, calendar: Self.berlin) == Self.at(2028, 3, 10))
        #expect(state.feesPaidMinor == 13_800)
    }

    @Test("members save the member price on eligible lines and the shipping")
    func savings() {
        let order = Order(
            externalID: "o1", customerExternalID: "c1", placedAt: Self.at(2026, 2, 1), currency: .eur,
            lineItems: [
                LineItem(sku: "B1", quantity: 1, totalMinor: 2_999, category: "books"),
                LineItem(sku: "T1", quantity: 1, totalMinor: 5_000, category: "toys"),
            ],
            subtotalMinor: 7_999, shippingMinor: 490, totalMinor: 8_489)
        let savings = terms.savings(on: order)
        #expect(savings.memberPriceMinor == 299)  // floor(2999 × 10 / 100)
        #expect(savings.shippingMinor == 490)
    }
}
