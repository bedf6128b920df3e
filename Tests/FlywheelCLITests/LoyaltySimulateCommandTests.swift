import Foundation
import Testing

@Suite("flywheel loyalty simulate (the real binary)")
struct LoyaltySimulateCommandTests {
    static let programme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples/programmes/seeds-default.json").path

    /// Three customers in Berlin's time zone, no e-mails (so each joins with their first order):
    /// anna A1 €50.00 (10 Jan), A2 €30.50 (1 Feb), A3 €20.00 (1 Mar, her third order: Silver), A4 in USD
    /// (skipped); ben B1 €99.99 (15 Jan); cara six €10 orders on 1–6 Apr (Silver at the third, Gold at the
    /// sixth) and C7 €100 on 1 May at Gold's 1.5×.
    static let csv = """
        customer_id,date,amount,order_id,currency
        anna,2025-01-10,50.00,A1,EUR
        ben,2025-01-15,99.99,B1,EUR
        anna,2025-02-01,30.50,A2,EUR
        anna,2025-03-01,20.00,A3,EUR
        cara,2025-04-01,10.00,C1,EUR
        cara,2025-04-02,10.00,C2,EUR
        cara,2025-04-03,10.00,C3,EUR
        cara,2025-04-04,10.00,C4,EUR
        cara,2025-04-05,10.00,C5,EUR
        cara,2025-04-06,10.00,C6,EUR
        cara,2025-05-01,100.00,C7,EUR
        anna,2025-05-20,15.00,A4,USD

        """

    static func tinyShop() throws -> (URL, String) {
        let dir = FlywheelBinary.temporaryDirectory()
        let file = dir.appendingPathComponent("tiny.csv")
        try Data(csv.utf8).write(to: file)
        return (dir, file.path)
    }

    static func simulate(_ extra: [String], in dir: URL, file: String) async throws -> FlywheelBinary.Result {
        try await FlywheelBinary.run(
            ["loyalty", "simulate", "--programme", programme, "--input", file, "--input-format", "csv"] + extra, in: dir
        )
    }

    @Test("the seeds' default on a tiny CSV, nobody redeems: every figure as computed by hand")
    func tinyShopNeverRedeems() async throws {
        let (dir, file) = try Self.tinyShop()
        let result = try await Self.simulate(["--json"], in: dir, file: file)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try result.json()
        #expect(json["from"] as? String == "2025-01-10")  // launched with the first order
        #expect(json["through"] as? String == "2025-05-20")  // the last order's day (A4, skipped, still counts)
        #expect(json["members"] as? Int == 3)
        #expect(json["orders"] as? Int == 11)
        #expect(json["skipped_orders"] as? Int == 1)  // A4 in USD
        let points = try #require(json["points"] as? [String: Any])
        // Launch 3 × 100; orders: anna 50 + 30 + 20, ben floor(99.99) = 99, cara 6 × 10 + 100 = 359 base;
        // C7 at Gold: floor(100 × 50 / 100) = 50 tier extra. 300 + 359 + 50 = 709.
        #expect(points["issued"] as? Int == 709)
        let rules = try #require(points["issued_by_rule"] as? [String: Any])
        #expect(rules["launch_bonus"] as? Int == 300)
        #expect(rules["order_base"] as? Int == 359)
        #expect(rules["tier_multipliers"] as? Int == 50)
        #expect(rules["boosts"] as? Int == 0)
        #expect(points["redeemed"] as? Int == 0)
        #expect(points["expired"] as? Int == 0)  // 12 months to month end: nothing before February 2026
        #expect(points["open"] as? Int == 709)
        #expect(points["pending"] as? Int == 0)  // C7's window closed on 15 May
        #expect(json["cost_minor"] as? Int == 0)
        // Liability on 20 May, 100 points = €10: lots of 10 Jan – 1 Feb (anna's launch, A1, A2; ben's launch,
        // B1: 100 + 50 + 30 + 100 + 99 = 379) are 3–6 months old; A3 (1 Mar), cara's launch and C1–C7
        // (20 + 100 + 60 + 150 = 330) 0–3 months.
        let liability = try #require(json["liability"] as? [String: Any])
        #expect(liability["points"] as? Int == 709)
        #expect(liability["value_minor"] as? Int == 7_090)
        let buckets = try #require(liability["by_age"] as? [[String: Any]])
        #expect(buckets.map { $0["points"] as? Int } == [330, 379, 0, 0])
        #expect(buckets.map { $0["value_minor"] as? Int } == [3_300, 3_790, 0, 0])
        // Tiers: anna Silver (3 orders), ben Bronze, cara Gold; upgrades 2 + 1 + 3.
        let tiers = try #require(json["tiers"] as? [[String: Any]])
        #expect(tiers.map { $0["id"] as? String } == ["gold", "silver", "bronze", nil])
        #expect(tiers.map { $0["customers"] as? Int } == [1, 1, 1, 0])
        #expect((json["tier_changes"] as? [String: Int]) == ["upgrade": 6])
        let codes = try #require(json["codes"] as? [String: Any])
        #expect(codes["issued"] as? Int == 0)
    }

    @Test("an order id under two customers earns once, on one thread or several, from Order values or columns")
    func repeatedOrderIDEarnsOnce() async throws {
        // X1 is anna's (10 Jan) and again ben's (15 Jan), X2 cara's (1 Feb) and again dan's (2 Feb), X3 erik's
        // and again fay's on the same day (the file's order breaks the tie). Rows of one id are not adjacent,
        // so they are separate orders. One replay credits each id to its first order and skips the others:
        // members anna, ben (B1), cara, erik, gus (dan and fay never earn, so never join); issued 5 × 100
        // launch + 50 + 20 + 30 + 10 + 5 = 615; 5 orders earn, 3 are skipped. (Before the fix, shards credited
        // a repeated id once per customer: 1,024 points on two threads.)
        let csv = """
            customer_id,date,amount,order_id,currency
            anna,2025-01-10,50.00,X1,EUR
            ben,2025-01-12,20.00,B1,EUR
            cara,2025-02-01,30.00,X2,EUR
            ben,2025-01-15,99.99,X1,EUR
            erik,2025-02-03,10.00,X3,EUR
            dan,2025-02-02,40.00,X2,EUR
            gus,2025-02-03,5.00,G1,EUR
            fay,2025-02-03,70.00,X3,EUR

            """
        let dir = FlywheelBinary.temporaryDirectory()
        let file = dir.appendingPathComponent("repeated.csv")
        try Data(csv.utf8).write(to: file)
        let one = try await Self.simulate(["--json", "--row-reader", "--threads", "1"], in: dir, file: file.path)
        #expect(one.status == 0, "\(one.stderr)")
        let json = try one.json()
        #expect(json["members"] as? Int == 5)
        #expect(json["orders"] as? Int == 5)
        #expect(json["skipped_orders"] as? Int == 3)
        let points = try #require(json["points"] as? [String: Any])
        #expect(points["issued"] as? Int == 615)
        for (extra, reader) in [
            (["--row-reader", "--threads", "2"], "Order values"), (["--row-reader", "--threads", "5"], "Order values"),
            (["--threads", "3"], "columns"),
        ] {
            let other = try await Self.simulate(["--json", "--timing"] + extra, in: dir, file: file.path)
            #expect(other.status == 0, "\(other.stderr)")
            #expect(other.stderr.contains("; \(reader)"), "\(other.stderr)")
            #expect(other.stdout == one.stdout, "\(extra)")
        }
    }

    @Test("--redeem when-affordable: each launch bonus buys €10 off at once; codes expire after 90 days")
    func tinyShopRedeemsWhenAffordable() async throws {
        let (dir, file) = try Self.tinyShop()
        let result = try await Self.simulate(["--json", "--redeem", "when-affordable"], in: dir, file: file)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try result.json()
        #expect(json["redemption"] as? String == "when-affordable")
        let points = try #require(json["points"] as? [String: Any])
        // At A1, B1 and C1 the 100 launch points are spendable (order points are pending 14 days): three
        // redemptions. Later anna reaches 80 (A1 + A2 released) before A3, cara 60 before C7: not enough.
        #expect(points["issued"] as? Int == 709)
        #expect(points["redeemed"] as? Int == 300)
        #expect(points["open"] as? Int == 409)
        #expect(json["cost_minor"] as? Int == 3_000)  // 300 points × €10 / 100
        let liability = try #require(json["liability"] as? [String: Any])
        let buckets = try #require(liability["by_age"] as? [[String: Any]])
        // The launch lots were spent first (earliest expiry): anna's and ben's (3–6), cara's (0–3).
        #expect(buckets.map { $0["points"] as? Int } == [230, 179, 0, 0])
        #expect(liability["value_minor"] as? Int == 4_090)
        let codes = try #require(json["codes"] as? [String: Any])
        #expect(codes["issued"] as? Int == 3)
        #expect(codes["used"] as? Int == 0)
        // anna's (10 Jan) and ben's (15 Jan) codes ran out by 20 May; cara's (1 Apr) is valid to 30 Jun.
        #expect(codes["expired"] as? Int == 2)
        #expect(codes["redemptions_refused"] as? Int == 0)
    }

    @Test("text in English and German; --since/--until narrow the replay")
    func textAndWindow() async throws {
        let (dir, file) = try Self.tinyShop()
        let english = try await Self.simulate(["--locale", "en"], in: dir, file: file)
        #expect(english.status == 0, "\(english.stderr)")
        for text in ["LOYALTY PROGRAMME SIMULATION", "Issued", "709", "LIABILITY on 2025-05-20", "70.90 EUR", "Gold"] {
            #expect(english.stdout.contains(text), "English text lacks \(text)")
        }
        let german = try await Self.simulate(["--locale", "de"], in: dir, file: file)
        #expect(german.status == 0)
        for text in ["SIMULATION DES TREUEPROGRAMMS", "Ausgegeben", "VERBINDLICHKEIT am 2025-05-20", "keine Stufe"] {
            #expect(german.stdout.contains(text), "German text lacks \(text)")
        }
        // From 1 April: only cara's seven orders; she joins at the launch (her first order in the window).
        let april = try await Self.simulate(
            ["--json", "--since", "2025-04-01", "--until", "2025-04-30"], in: dir, file: file)
        #expect(april.status == 0, "\(april.stderr)")
        let json = try april.json()
        #expect(json["members"] as? Int == 1)
        #expect(json["orders"] as? Int == 6)
        #expect(json["through"] as? String == "2025-04-30")
        #expect((json["points"] as? [String: Any])?["issued"] as? Int == 160)  // 100 launch + 6 × 10
    }

    @Test("a broken programme file: every validation problem, each naming its key; exit status 1")
    func brokenProgramme() async throws {
        let dir = FlywheelBinary.temporaryDirectory()
        var text = try String(contentsOfFile: Self.programme, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"cost_points\": 100", with: "\"cost_points\": 0")
        text = text.replacingOccurrences(of: "\"entry_threshold\": 6", with: "\"entry_threshold\": 2")
        let broken = dir.appendingPathComponent("broken.json")
        try Data(text.utf8).write(to: broken)
        let (_, file) = try Self.tinyShop()
        let result = try await FlywheelBinary.run(
            ["loyalty", "simulate", "--programme", broken.path, "--input", file, "--input-format", "csv"], in: dir)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("rewards[0].cost_points: must be positive, got 0"), "\(result.stderr)")
        #expect(result.stderr.contains("tiers.tiers[2].entry_threshold"), "\(result.stderr)")

        // A missing key stops decoding and is named.
        let missing = dir.appendingPathComponent("missing.json")
        try Data(
            try String(contentsOfFile: Self.programme, encoding: .utf8)
                .replacingOccurrences(of: "\"point_value\"", with: "\"point_worth\"").utf8
        ).write(to: missing)
        let second = try await FlywheelBinary.run(
            ["loyalty", "simulate", "--programme", missing.path, "--input", file, "--input-format", "csv"], in: dir)
        #expect(second.status == 1)
        #expect(second.stderr.contains("point_value: is missing"), "\(second.stderr)")

        let absent = try await FlywheelBinary.run(
            ["loyalty", "simulate", "--programme", "nope.json", "--input", file, "--input-format", "csv"], in: dir)
        #expect(absent.status == 1)
        #expect(absent.stderr.contains("cannot read the programme file nope.json"))
    }

    @Test("a simulated shop from the database: the books balance, refunds reverse, every member has a tier row")
    func simulatedShop() async throws {
        let dir = FlywheelBinary.temporaryDirectory()
        let database = dir.appendingPathComponent("shop.sqlite").path
        let simulated = try await FlywheelBinary.run(
            ["simulate", "--customers", "1500", "--seed", "7", "--database", database], in: dir)
        #expect(simulated.status == 0, "\(simulated.stderr)")
        let result = try await FlywheelBinary.run(
            [
                "loyalty", "simulate", "--programme", Self.programme, "--database", database, "--json", "--redeem",
                "when-affordable", "--threads", "3",
            ], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        // Customers split into shards replayed on three threads give exactly what one replay gives.
        let serial = try await FlywheelBinary.run(
            [
                "loyalty", "simulate", "--programme", Self.programme, "--database", database, "--json", "--redeem",
                "when-affordable", "--threads", "1",
            ], in: dir)
        #expect(serial.status == 0, "\(serial.stderr)")
        #expect(serial.stdout == result.stdout)
        let json = try result.json()
        let pointsObject = try #require(json["points"] as? [String: Any])
        let points = pointsObject.compactMapValues { $0 as? Int64 }
        let members = try #require(json["members"] as? Int)
        #expect(members >= 1_500)
        #expect((json["orders"] as? Int ?? 0) > members)
        #expect((json["refunds"] as? Int ?? 0) > 0)
        #expect(points["reversed", default: 0] > 0)
        #expect(points["redeemed", default: 0] > 0)
        // Every issued point is redeemed, reversed, expired or still open.
        let issued = points["issued", default: 0]
        #expect(
            issued == points["redeemed", default: 0] + points["reversed", default: 0] + points["expired", default: 0]
                + points["open", default: 0])
        let rules = try #require(pointsObject["issued_by_rule"] as? [String: Int64])
        #expect(rules.values.reduce(0, +) == issued)
        #expect(rules["launch_bonus"] == Int64(members) * 100)
        #expect(json["cost_minor"] as? Int64 == points["redeemed", default: 0] * 10)
        let liability = try #require(json["liability"] as? [String: Any])
        #expect(
            (liability["points"] as? Int64 ?? 0) + (liability["pending_points"] as? Int64 ?? 0)
                == points["open", default: 0])
        let tiers = try #require(json["tiers"] as? [[String: Any]])
        #expect(tiers.compactMap { $0["customers"] as? Int }.reduce(0, +) == members)
        #expect((json["tier_changes"] as? [String: Int])?["upgrade", default: 0] ?? 0 > 0)
    }

    @Test(
        "a simulated shop's CSV: the columnar path prints the Order path's JSON, for every example programme",
        arguments: ["seeds-default", "starbucks-like", "sephora-like", "prime-like"])
    func columnsEqualOrderValues(programmeName: String) async throws {
        let dir = FlywheelBinary.temporaryDirectory()
        let file = dir.appendingPathComponent("shop.csv").path
        let simulated = try await FlywheelBinary.run(
            ["simulate", "--customers", "2000", "--seed", "7", "--out", file], in: dir)
        #expect(simulated.status == 0, "\(simulated.stderr)")
        let programme = URL(fileURLWithPath: Self.programme).deletingLastPathComponent()
            .appendingPathComponent("\(programmeName).json").path
        for (redeem, window) in [("never", [String]()), ("when-affordable", ["--since", "2025-03-01", "--until", "2025-10-31"])] {
            func run(_ extra: [String]) async throws -> FlywheelBinary.Result {
                try await FlywheelBinary.run(
                    [
                        "loyalty", "simulate", "--programme", programme, "--input", file, "--input-format", "csv",
                        "--json", "--timing", "--redeem", redeem,
                    ] + window + extra, in: dir)
            }
            let rows = try await run(["--row-reader", "--threads", "1"])
            let columns = try await run(["--threads", "2"])
            #expect(rows.status == 0 && columns.status == 0, "\(rows.stderr) \(columns.stderr)")
            #expect(rows.stderr.contains("; Order values"), "\(rows.stderr)")
            #expect(columns.stderr.contains("; columns"), "\(columns.stderr)")
            #expect(columns.stdout == rows.stdout, "\(programmeName), --redeem \(redeem)")
            let json = try columns.json()
            #expect((json["orders"] as? Int ?? 0) > 3_000)  // 2,000 customers, a window of 8 months
        }
    }
}
