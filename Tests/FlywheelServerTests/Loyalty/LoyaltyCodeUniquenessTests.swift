import FlywheelCore
import FlywheelLoyalty
import FlywheelServer
import Foundation
import Testing

/// Reward codes are unique across the shop: a drawn code another customer holds is refused by the store's
/// index (`v8 loyalty codes`) and the redemption draws again.
@Suite("Loyalty: shop-wide unique reward codes")
struct LoyaltyCodeUniquenessTests {
    typealias E = LoyaltyEngines

    static func service(_ store: any FlywheelStore, seed: UInt64) throws -> LoyaltyService {
        LoyaltyService(
            programme: try LoyaltyTestServer.programme(), store: store, calendar: ShopSettings.defaults.calendar,
            referralSecret: "test", referralBase: URL(string: "https://shop.example/")!, codeSeed: seed)
    }

    static func code(_ outcome: LoyaltyService.RedemptionOutcome) -> String? {
        if case .redeemed(let code, _) = outcome { return code.code }
        return nil
    }

    @Test("a second customer whose first draw is the first customer's code gets another code", arguments: E.all)
    func collisionRetried(engine: String) async throws {
        try await E.with(engine) { store in
            let now = E.at(11, 1)
            // What the seed draws first, on a store of its own.
            let fresh = try Self.service(InMemoryStore(), seed: 42)
            _ = try await fresh.adjust(customer: "x", points: 100, reason: "test", key: "seed", admin: "t", now: now)
            let first = try #require(Self.code(try await fresh.redeem(customer: "x", rewardID: "ten-euro-off", now: now)))

            let a = try Self.service(store, seed: 42)
            let b = try Self.service(store, seed: 42)
            for customer in ["c1", "c2"] {
                _ = try await a.adjust(customer: customer, points: 100, reason: "test", key: "seed", admin: "t", now: now)
            }
            #expect(Self.code(try await a.redeem(customer: "c1", rewardID: "ten-euro-off", now: now)) == first)
            // b draws the same first code for c2: the store refuses it, b draws again.
            let second = try #require(Self.code(try await b.redeem(customer: "c2", rewardID: "ten-euro-off", now: now)))
            #expect(second != first)
            #expect(try await store.ledgerBalance(customer: "c2").available == 0)
            let c2 = try await b.account(of: "c2", now: now)
            #expect(c2.codes.map(\.code) == [second])
            #expect(try await a.account(of: "c1", now: now).codes.map(\.code) == [first])
        }
    }
}
