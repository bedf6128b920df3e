import FlywheelCore
import FlywheelLoyalty
import FlywheelServer
import Foundation
import Testing

/// Referral sign-up attribution in the server: a friend's first order carrying the referrer's code, or a
/// sign-up the shop reports; both sides rewarded once the friend's first order is past its return window, with
/// the engine's fraud checks (docs/loyalty.md, "Referrals in the server").
@Suite("Loyalty: referral attribution and rewards in the server")
struct LoyaltyReferralTests {
    typealias E = LoyaltyEngines

    @Test("through the API: the friend's first order with the referral code rewards both after the window; refunded, small and self-referred orders earn nothing")
    func endToEnd() async throws {
        let server = try LoyaltyTestServer()
        try await server.test { client async throws in
            let people = [
                ("anna", "anna.k@example.com"), ("f1", "ben@example.com"), ("f2", "carl@example.com"),
                ("f3", "dora@example.com"), ("f4", "AnnaK+shop@example.com"),
            ]
            for (id, email) in people {
                let stored = try await client.send(.post, "/api/v1/customers", json: #"{"id":"\#(id)","email":"\#(email)"}"#)
                #expect(stored.status == .created)
            }
            let referral = try await client.send(.get, "/api/v1/loyalty/customers/anna/referral", key: TestServer.readOnly)
            let code = try #require(referral.object["code"] as? String)
            for (order, friend, total) in [("o1", "f1", 4_000), ("o2", "f2", 4_000), ("o3", "f3", 1_000), ("o4", "f4", 4_000)] {
                let stored = try await client.send(
                    .post, "/api/v1/orders",
                    json: LoyaltyBodies.order(order, customer: friend, totalMinor: total, discountCode: code, discountMinor: 500))
                #expect(stored.status == .created)
            }
            // f2's order refunded within its 14-day return window.
            _ = try await client.send(
                .post, "/api/v1/refunds", json: LoyaltyBodies.refund("r2", order: "o2", amountMinor: 4_000, at: "2026-11-05T10:00:00Z"))
            // f1's later order (no code needed) changes nothing.
            _ = try await client.send(
                .post, "/api/v1/orders", json: LoyaltyBodies.order("o5", customer: "f1", totalMinor: 3_000, placedAt: "2026-11-03T10:00:00Z"))
            let loyalty = server.loyalty
            // f4's e-mail is anna's (dots and +tags ignored): refused at sign-up.
            #expect(try await loyalty.referral(of: "f4")?.settled == "rejected:same_email")
            #expect(try await loyalty.referral(of: "f1")?.referrer == "anna")
            #expect(try await loyalty.referral(of: "f1")?.settled == nil)
            // The window (14 days from 1 November) is still open on the 10th.
            #expect(try await loyalty.runDue(now: E.at(11, 10)).referralsSettled == 0)
            #expect(try await loyalty.runDue(now: E.at(11, 16)).referralsSettled == 3)
            #expect(try await loyalty.referral(of: "f1")?.settled == "rewarded")
            #expect(try await loyalty.referral(of: "f2")?.settled == "rejected:refunded_order")
            #expect(try await loyalty.referral(of: "f3")?.settled == "rejected:below_minimum")
            #expect(try await loyalty.runDue(now: E.at(11, 17)).referralsSettled == 0)
            #expect(try await Self.referralLots("anna", server.store) == ["f1:referrer": 100])
            #expect(try await Self.referralLots("f1", server.store) == ["f1:friend": 50])
            for friend in ["f2", "f3", "f4"] { #expect(try await Self.referralLots(friend, server.store).isEmpty) }
            // The history through the API shows the reward.
            let history = try await client.send(.get, "/api/v1/loyalty/customers/anna/history", key: TestServer.readOnly)
            let items = history.object["items"] as? [[String: Any]] ?? []
            #expect(items.contains { $0["source_kind"] as? String == "referral" && $0["points"] as? Int == 100 })
        }
    }

    @Test("a sign-up reported through the API: linked, linked before, self-referral refused, unknown code 404, existing customer 409")
    func reportedThroughAPI() async throws {
        let server = try LoyaltyTestServer()
        try await server.test { client async throws in
            for (id, email) in [("anna", "anna@example.com"), ("ben", "ben@example.com"), ("cara", "cara@example.com"), ("dan", "d@example.com")] {
                _ = try await client.send(.post, "/api/v1/customers", json: #"{"id":"\#(id)","email":"\#(email)"}"#)
            }
            _ = try await client.send(.post, "/api/v1/orders", json: LoyaltyBodies.order("d1", customer: "dan", totalMinor: 3_000))
            let code = try #require(server.loyalty.referralCode(of: "anna"))
            let linked = try await client.send(
                .post, "/api/v1/loyalty/customers/ben/referred-by", json: #"{"code":"\#(code)","signed_up_at":"2026-11-02T09:00:00Z"}"#)
            #expect(linked.status == .created)
            #expect(linked.object["status"] as? String == "signed_up")
            #expect(linked.object["referrer_id"] as? String == "anna")
            let again = try await client.send(.post, "/api/v1/loyalty/customers/ben/referred-by", json: #"{"code":"\#(code)"}"#)
            #expect(again.object["status"] as? String == "already_referred")
            let same = try await client.send(
                .post, "/api/v1/loyalty/customers/cara/referred-by",
                json: #"{"code":"\#(code)","payment_fingerprint":"card_42","referrer_payment_fingerprint":"CARD_42"}"#)
            #expect(same.object["status"] as? String == "rejected")
            #expect(same.object["reason"] as? String == "same_payment")
            let unknown = try await client.send(.post, "/api/v1/loyalty/customers/cara/referred-by", json: #"{"code":"FRIEND-XXXXXXXX"}"#)
            #expect(unknown.status == .notFound)
            let old = try await client.send(.post, "/api/v1/loyalty/customers/dan/referred-by", json: #"{"code":"\#(code)"}"#)
            #expect(old.status == .conflict)
            // Ben's first order after the sign-up, past its window: both rewarded.
            _ = try await client.send(
                .post, "/api/v1/orders", json: LoyaltyBodies.order("b1", customer: "ben", totalMinor: 3_000, placedAt: "2026-11-03T10:00:00Z"))
            #expect(try await server.loyalty.runDue(now: E.at(11, 18)).referralsSettled == 1)
            #expect(try await Self.referralLots("anna", server.store) == ["ben:referrer": 100])
            #expect(try await Self.referralLots("ben", server.store) == ["ben:friend": 50])
        }
    }

    @Test("erasure through the API: the erased referrer's code is unknown at once, not only after a restart")
    func erasedReferrerCode() async throws {
        let server = try LoyaltyTestServer()
        try await server.test { client async throws in
            for (id, email) in [("anna", "anna@example.com"), ("ben", "ben@example.com"), ("cara", "cara@example.com")] {
                _ = try await client.send(.post, "/api/v1/customers", json: #"{"id":"\#(id)","email":"\#(email)"}"#)
            }
            let code = try #require(server.loyalty.referralCode(of: "anna"))
            // Ben's sign-up puts anna's code into the in-memory table.
            let linked = try await client.send(.post, "/api/v1/loyalty/customers/ben/referred-by", json: #"{"code":"\#(code)"}"#)
            #expect(linked.object["referrer_id"] as? String == "anna")
            let erased = try await client.send(.delete, "/api/v1/customers/anna", key: LoyaltyTestServer.admin)
            #expect(erased.status == .ok)
            let after = try await client.send(.post, "/api/v1/loyalty/customers/cara/referred-by", json: #"{"code":"\#(code)"}"#)
            #expect(after.status == .notFound)
            // The pseudonym's own code still works (the table still fills on a miss).
            let pseudonym = try #require(erased.object["pseudonym"] as? String)
            let newCode = try #require(server.loyalty.referralCode(of: pseudonym))
            let relinked = try await client.send(.post, "/api/v1/loyalty/customers/cara/referred-by", json: #"{"code":"\#(newCode)"}"#)
            #expect(relinked.object["referrer_id"] as? String == pseudonym)
        }
    }

    /// Points of the customer's `referral` entries by source key.
    static func referralLots(_ customer: String, _ store: any FlywheelStore) async throws -> [String: Int64] {
        let entries = try await store.ledgerHistory(LedgerHistoryQuery(customer: customer, limit: 100)).entries
        return Dictionary(entries.filter { $0.sourceKind == "referral" }.map { ($0.sourceKey, $0.points) }, uniquingKeysWith: +)
    }

    @Test("sign-ups the shop reports: unknown codes, existing customers, a second code, address fingerprints and the yearly limit", arguments: E.all)
    func reportedSignUps(engine: String) async throws {
        try await E.with(engine) { store in
            var programme = try LoyaltyTestServer.programme()
            programme.referral?.maxReferrals = 1
            let loyalty = try LoyaltyTestServer(store: store, programme: programme).loyalty
            _ = try await store.ingest(
                IngestBatch(
                    customers: ["anna", "ben", "carl", "dora", "old"].map { Customer(externalID: $0) },
                    orders: [E.order("old-1", customer: "old", totalMinor: 3_000, at: E.at(10, 1))]))
            let code = try #require(loyalty.referralCode(of: "anna"))
            #expect(try await loyalty.attributeReferral(friend: "ben", code: "FRIEND-NOPE0000", at: E.at(11, 1)) == .unknownCode)
            #expect(try await loyalty.attributeReferral(friend: "old", code: code, at: E.at(11, 1)) == .existingCustomer)
            #expect(try await loyalty.attributeReferral(friend: "ben", code: code, at: E.at(11, 1)) == .signedUp(referrer: "anna"))
            let other = try #require(loyalty.referralCode(of: "dora"))
            #expect(try await loyalty.attributeReferral(friend: "ben", code: other, at: E.at(11, 2)) == .alreadyReferred(referrer: "anna"))
            #expect(
                try await loyalty.attributeReferral(
                    friend: "carl", code: code, identity: ReferralIdentity(address: "Hauptstr. 1, Berlin"),
                    referrerIdentity: ReferralIdentity(address: "hauptstr. 1  berlin"), at: E.at(11, 2))
                    == .rejected(referrer: "anna", reason: .sameAddress))
            #expect(try await loyalty.attributeReferral(friend: "dora", code: code, at: E.at(11, 2)) == .signedUp(referrer: "anna"))
            _ = try await store.ingest(
                IngestBatch(orders: [
                    E.order("b1", customer: "ben", totalMinor: 3_000, at: E.at(11, 3)),
                    E.order("d1", customer: "dora", totalMinor: 3_000, at: E.at(11, 4)),
                ]))
            #expect(try await loyalty.runDue(now: E.at(11, 30)).referralsSettled == 2)
            // One reward per year for anna: ben's came first; dora's referral hit the limit.
            #expect(try await loyalty.referral(of: "ben")?.settled == "rewarded")
            #expect(try await loyalty.referral(of: "dora")?.settled == "rejected:limit_reached")
            let anna = try await store.withLedger(customer: "anna") { $0.lots.map(\.sourceKey) }
            #expect(anna == ["ben:referrer"])
        }
    }
}
