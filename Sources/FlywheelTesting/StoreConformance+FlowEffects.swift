import FlywheelCore
import Foundation
import Testing

extension StoreConformance {
    /// The tags, tickets and coupons flows give (`FlowEffectsStore`).
    static let flowEffectsChecks: [StoreCheck] = [
        StoreCheck("customer tags: each once per customer, in byte order", customerTagsOnce),
        StoreCheck("support tickets: one per key, oldest first", supportTicketsOncePerKey),
        StoreCheck("coupons: one per key, a code never twice", couponsOncePerKeyAndCode),
    ]

    static func customerTagsOnce(_ store: any FlywheelStore) async throws {
        let store = try await migrated(store)
        #expect(try await store.customerTags(customerID: "c-1").isEmpty)
        let vip = CustomerTag(customerID: "c-1", tag: "vip", taggedAt: StoreFixtures.date(day: 1), source: "enr_1/tag/2")
        #expect(try await store.addCustomerTag(vip))
        // The same tag again (a repeated step, or another flow) keeps the first record.
        var again = vip
        again.taggedAt = StoreFixtures.date(day: 5)
        again.source = "enr_2/tag/3"
        #expect(try await store.addCustomerTag(again) == false)
        let other = CustomerTag(customerID: "c-1", tag: "Make_it_right", taggedAt: StoreFixtures.date(day: 2), source: "manual")
        #expect(try await store.addCustomerTag(other))
        #expect(try await store.addCustomerTag(CustomerTag(customerID: "c-2", tag: "vip", taggedAt: .now, source: "manual")))
        #expect(try await store.customerTags(customerID: "c-1") == [other, vip])
        #expect(try await store.customerTags(customerID: "c-2").map(\.tag) == ["vip"])
    }

    static func supportTicketsOncePerKey(_ store: any FlywheelStore) async throws {
        let store = try await migrated(store)
        let first = SupportTicket(
            id: "tkt_b", key: "enr_1/open/4", customerID: "c-1", topic: "make_it_right", priority: .high,
            orderID: "1001", flowID: "delivery_check_in", openedAt: StoreFixtures.date(day: 3))
        #expect(try await store.openSupportTicket(first) == first)
        // Opened again under the same key (another id drawn): the stored ticket comes back, nothing new.
        var repeated = first
        repeated.id = "tkt_c"
        repeated.openedAt = StoreFixtures.date(day: 4)
        #expect(try await store.openSupportTicket(repeated) == first)
        let second = SupportTicket(
            id: "tkt_a", key: "manual/1", customerID: "c-1", topic: "question", openedAt: StoreFixtures.date(day: 1))
        #expect(try await store.openSupportTicket(second) == second)
        // An id is one ticket's.
        let clash = SupportTicket(id: "tkt_a", key: "manual/2", customerID: "c-2", topic: "x", openedAt: .now)
        await #expect(throws: FlowEffectsStoreError.ticketIDTaken("tkt_a")) { try await store.openSupportTicket(clash) }
        #expect(try await store.supportTickets(customerID: "c-1") == [second, first])
        #expect(try await store.supportTickets(customerID: "c-2").isEmpty)
    }

    static func couponsOncePerKeyAndCode(_ store: any FlywheelStore) async throws {
        let store = try await migrated(store)
        let percent = IssuedCoupon(
            code: "BDAY-KQZB-4821", key: "enr_1/coupon/2", customerID: "c-1", percentOff: 15,
            issuedAt: StoreFixtures.date(day: 1), expiresAt: StoreFixtures.date(day: 15), flowID: "birthday",
            enrolmentID: "enr_1")
        #expect(try await store.issueCoupon(percent) == percent)
        var repeated = percent
        repeated.code = "BDAY-AAAA-0000"
        #expect(try await store.issueCoupon(repeated) == percent)
        let amount = IssuedCoupon(
            code: "WB-XXXX-1111", key: "enr_2/coupon/5", customerID: "c-1",
            amountOff: Money(minorUnits: 500, currency: .eur), issuedAt: StoreFixtures.date(day: 2),
            expiresAt: StoreFixtures.date(day: 16))
        #expect(try await store.issueCoupon(amount) == amount)
        // A code is one customer's: a clash under another key stores nothing.
        let clash = IssuedCoupon(
            code: "BDAY-KQZB-4821", key: "enr_3/coupon/1", customerID: "c-2", percentOff: 5, issuedAt: .now,
            expiresAt: .now)
        await #expect(throws: FlowEffectsStoreError.couponCodeTaken("BDAY-KQZB-4821")) {
            try await store.issueCoupon(clash)
        }
        #expect(try await store.issuedCoupons(customerID: "c-1") == [percent, amount])
        #expect(try await store.issuedCoupons(customerID: "c-2").isEmpty)
    }
}
