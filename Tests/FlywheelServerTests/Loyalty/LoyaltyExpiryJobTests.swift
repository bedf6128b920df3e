import FlywheelCore
import FlywheelLoyalty
import FlywheelServer
import Foundation
import Testing

/// The server's periodic run under the "whole balance after inactivity" rule, and the advance notices it
/// hands to flows (`LoyaltyService.expiryNotices`, `expiringPoints` for the scheduled trigger sweep).
@Suite("Loyalty: inactivity expiry and notices in the server")
struct LoyaltyExpiryJobTests {
    typealias E = LoyaltyEngines

    /// The seeds' programme with 6 months' inactivity expiry, 30 days' notice, points available at once.
    static func service(_ store: any FlywheelStore) throws -> LoyaltyService {
        var programme = try LoyaltyTestServer.programme()
        programme.expiry = ExpiryPolicy(rule: .inactivity(months: 6), noticeDays: 30)
        programme.returnWindowDays = nil
        return try LoyaltyTestServer(store: store, programme: programme).loyalty
    }

    /// c1 orders on 10 February 2026 (50 + 100 launch points), c2 on 20 May.
    static func seed(_ store: any FlywheelStore, _ loyalty: LoyaltyService) async throws {
        _ = try await store.ingest(
            IngestBatch(
                customers: [Customer(externalID: "c1"), Customer(externalID: "c2")],
                orders: [
                    E.order("o1", customer: "c1", totalMinor: 5_000, at: E.at(2, 10)),
                    E.order("o2", customer: "c2", totalMinor: 5_000, at: E.at(5, 20)),
                ]))
        _ = try await loyalty.catchUp()
    }

    @Test("the whole balance expires at the deadline, once; activity before it moves it", arguments: E.all)
    func expiresInactive(engine: String) async throws {
        try await E.with(engine) { store in
            let loyalty = try Self.service(store)
            try await Self.seed(store, loyalty)
            #expect(try await store.ledgerBalance(customer: "c1").available == 150)
            // c1's deadline: 10 August 2026 (six months after the order; effective_from + 6 months is earlier).
            #expect(try await loyalty.runDue(now: E.at(8, 9)).inactiveCustomers == 0)
            #expect(try await loyalty.runDue(now: E.at(8, 11)).inactiveCustomers == 1)
            #expect(try await store.ledgerBalance(customer: "c1").available == 0)
            let expiry = try await store.ledgerHistory(LedgerHistoryQuery(customer: "c1", limit: 10)).entries
                .filter { $0.sourceKind == "expiry" }
            #expect(expiry.map(\.sourceKey) == ["inactive:2026-08-10", "inactive:2026-08-10"])
            #expect(expiry.map(\.points).sorted() == [50, 100])
            #expect(expiry.allSatisfy { $0.credit == .expired && $0.at < E.at(8, 10) })
            // Again: nothing more; c2 (deadline 20 November) keeps everything.
            #expect(try await loyalty.runDue(now: E.at(8, 12)).inactiveCustomers == 0)
            #expect(try await store.ledgerBalance(customer: "c2").available == 150)
            // c2 redeems on 1 October: the deadline moves to 1 April 2027.
            guard case .redeemed = try await loyalty.redeem(customer: "c2", rewardID: "ten-euro-off", now: E.at(10, 1)) else {
                Issue.record("the redemption failed")
                return
            }
            #expect(try await loyalty.runDue(now: E.at(11, 25)).inactiveCustomers == 0)
            #expect(try await store.ledgerBalance(customer: "c2").available == 50)
            #expect(try await loyalty.runDue(now: E.at(4, 2, year: 2027)).inactiveCustomers == 1)
            #expect(try await store.ledgerBalance(customer: "c2").available == 0)
        }
    }

    @Test("advance notices: the whole balance at the inactivity deadline, within the notice window, for the sweep", arguments: E.all)
    func notices(engine: String) async throws {
        try await E.with(engine) { store in
            let loyalty = try Self.service(store)
            try await Self.seed(store, loyalty)
            let notices = try await loyalty.expiryNotices(now: E.at(7, 20))
            #expect(notices.map(\.customer) == ["c1"])
            #expect(notices.first?.points == 150)
            #expect(notices.first?.expiresOn == "2026-08-10")
            #expect(notices.first?.key == "expiry-notice:c1:2026-08-10")
            #expect(try await loyalty.expiryNotices(now: E.at(7, 1)).isEmpty)  // 40 days ahead: not yet
            let sweep = try await loyalty.expiringPoints(now: E.at(7, 20), withinDays: 150)
            #expect(sweep.map(\.customerID) == ["c1", "c2"])
            #expect(sweep.map(\.points) == [150, 150])
            #expect(sweep.map(\.on.description) == ["2026-08-10", "2026-11-20"])
        }
    }

    @Test("lot-age notices come from each lot's expiry, pending points left out", arguments: E.all)
    func lotNotices(engine: String) async throws {
        try await E.with(engine) { store in
            // The seeds' programme as it is: 12-month lots to month end, 14 days pending, 30 days' notice.
            let loyalty = try LoyaltyTestServer(store: store).loyalty
            try await Self.seed(store, loyalty)
            _ = try await loyalty.runDue(now: E.at(6, 10))  // both orders released
            // Lots earned in February 2026 expire at the end of February 2027; May's at the end of May 2027.
            let notices = try await loyalty.expiryNotices(now: E.at(2, 10, year: 2027))
            #expect(notices.map(\.customer) == ["c1"])
            #expect(notices.first?.points == 150)
            #expect(notices.first?.expiresOn == "2027-03-01")
        }
    }
}
