import FlywheelCore
import FlywheelServer
import FlywheelTesting
import Foundation
import Testing

@Suite("GDPR export and erasure of the loyalty ledger")
struct LoyaltyExportTests {
    static let id = ErasureFixture.customerID

    @Test("the API export carries balance, tier, movements with source and reason, codes and the referral code; erasure moves the ledger to the pseudonym and drops the stored answer")
    func throughTheAPI() async throws {
        let server = try LoyaltyTestServer()
        let store = server.store
        try await server.test { client async throws in
            let id = Self.id
            let customer = #"{"id":"\#(id)","email":"\#(ErasureFixture.email)","first_name":"Erika","last_name":"Mustermann"}"#
            #expect(try await client.send(.post, "/api/v1/customers", json: customer).status == .created)
            #expect(try await client.send(.post, "/api/v1/orders", json: LoyaltyBodies.order("o1", customer: id, totalMinor: 4_000)).status == .created)
            let adjusted = try await client.send(
                .post, "/api/v1/loyalty/customers/\(id)/adjustments", key: LoyaltyTestServer.admin,
                json: #"{"points":250,"reason":"goodwill","key":"adj-1"}"#, headers: ["Idempotency-Key": "adjust-erika"])
            #expect(adjusted.status == .created)
            #expect(try await store.idempotencyRecord(key: "key_admin:adjust-erika") != nil)
            let redeemed = try await client.send(
                .post, "/api/v1/loyalty/customers/\(id)/redemptions", json: #"{"reward_id":"ten-euro-off"}"#)
            #expect(redeemed.status == .created)
            let code = try #require(redeemed.object["code"] as? String)
            let account = try await client.send(.get, "/api/v1/loyalty/customers/\(id)", key: TestServer.readOnly).object
            let referral = try await client.send(.get, "/api/v1/loyalty/customers/\(id)/referral", key: TestServer.readOnly).object

            let exported = try await client.send(.get, "/api/v1/customers/\(id)/export", key: LoyaltyTestServer.admin)
            #expect(exported.status == .ok)
            let loyalty = try #require(exported.object["loyalty"] as? [String: Any])
            // The order's 40 points wait out the return window; the launch bonus paid the code.
            let available = try #require(account["available"] as? Int)
            #expect(loyalty["available"] as? Int == available && available > 0)
            #expect(loyalty["pending"] as? Int == account["pending"] as? Int && loyalty["pending"] as? Int == 40)
            #expect(loyalty["spendable"] as? Int == account["spendable"] as? Int)
            #expect((loyalty["tier"] as? [String: Any])?["name"] as? String == "Bronze")
            let history = try #require(loyalty["history"] as? [[String: Any]])
            let kinds = history.compactMap { $0["source_kind"] as? String }
            #expect(Set(kinds) == ["order", "bonus", "manual", "redemption"], "\(kinds)")
            #expect(kinds.first == "bonus" && kinds.last == "redemption")
            #expect(history.map { $0["sequence"] as? Int } == Array(0..<history.count))
            let manual = try #require(history.first { $0["source_kind"] as? String == "manual" })
            #expect(manual["reason"] as? String == "goodwill" && manual["admin"] as? String == "ops-anna")
            #expect(manual["source_key"] as? String == "adj-1" && manual["points"] as? Int == 250)
            #expect(manual["from"] as? String == "programme" && manual["to"] as? String == "available")
            let codes = try #require(loyalty["codes"] as? [[String: Any]])
            #expect(codes.count == 1)
            #expect(codes.first?["code"] as? String == code && codes.first?["status"] as? String == "issued")
            #expect(codes.first?["reward_id"] as? String == "ten-euro-off" && codes.first?["points"] as? Int == 100)
            #expect(loyalty["referral_code"] as? String == referral["code"] as? String)
            #expect((loyalty["referral_code"] as? String)?.hasPrefix("FRIEND-") == true)

            let erased = try await client.send(.delete, "/api/v1/customers/\(id)", key: LoyaltyTestServer.admin)
            #expect(erased.status == .ok)
            let pseudonym = try #require(erased.object["pseudonym"] as? String)
            // The stored answer echoed the customer's id: gone. The ledger is the pseudonym's, unchanged.
            #expect(try await store.idempotencyRecord(key: "key_admin:adjust-erika") == nil)
            #expect(try await store.ledgerBalance(customer: id).entryCount == 0)
            let after = try await client.send(.get, "/api/v1/customers/\(pseudonym)/export", key: LoyaltyTestServer.admin)
            let moved = try #require(after.object["loyalty"] as? [String: Any])
            #expect(moved["available"] as? Int == available && moved["pending"] as? Int == 40)
            #expect((moved["history"] as? [[String: Any]])?.count == history.count)
            #expect((moved["codes"] as? [[String: Any]])?.first?["code"] as? String == code)
            #expect(ErasureFixture.personalStrings(in: after.text).isEmpty, "\(after.text)")
        }
    }

    @Test("without a programme the export still holds the ledger, the codes, the referrer and the imported record")
    func fromTheStoreAlone() async throws {
        let store = InMemoryStore()
        try await ErasureFixture.seed(store)
        let data = try #require(
            try await CustomerDataExport(loyalty: nil, now: Date()).document(customerID: Self.id, store: store, now: Date()))
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let loyalty = try #require(document["loyalty"] as? [String: Any])
        // 500 earned − 200 redeemed + 50 adjusted + 100 as a referred friend + 100 as a referrer.
        #expect(loyalty["available"] as? Int == 550 && loyalty["pending"] as? Int == 0)
        #expect(loyalty["tier"] == nil && loyalty["spendable"] == nil && loyalty["referral_code"] == nil)
        let history = try #require(loyalty["history"] as? [[String: Any]])
        #expect(history.compactMap { $0["source_kind"] as? String } == ["order", "redemption", "manual", "referral", "referral"])
        #expect(history.compactMap { $0["reason"] as? String } == ["order", "reward:r10", "goodwill", "referral", "referral"])
        let codes = try #require(loyalty["codes"] as? [[String: Any]])
        #expect(codes.count == 1 && codes.first?["code"] as? String == ErasureFixture.redemptionCode)
        #expect(codes.first?["points"] as? Int == 200 && codes.first?["status"] == nil)
        #expect(loyalty["referred_by"] as? String == "other")
        let member = try #require(loyalty["imported_member"] as? [String: Any])
        #expect(member["referral_code"] as? String == "ERIKA-1042" && member["tier"] as? String == "gold")

        // A customer without any loyalty data has no member.
        _ = try await store.ingest(IngestBatch(customers: [Customer(externalID: "plain")]))
        let plain = try #require(
            try await CustomerDataExport(loyalty: nil, now: Date()).document(customerID: "plain", store: store, now: Date()))
        let plainDocument = try #require(try JSONSerialization.jsonObject(with: plain) as? [String: Any])
        #expect(plainDocument["loyalty"] == nil && plainDocument["orders"] != nil)
    }
}
