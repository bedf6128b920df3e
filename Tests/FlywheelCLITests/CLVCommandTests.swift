import Foundation
import Testing

@Suite("flywheel clv fit, predict (the real binary)")
struct CLVCommandTests {
    static let sample = FlywheelBinary.fixture("cdnow/CDNOW_sample.txt")
    static let literature = ["--calibration-end", "1997-09-30", "--time-unit", "week"]

    /// `object[key]` as a JSON object.
    private func object(_ json: [String: Any], _ key: String) -> [String: Any] { json[key] as? [String: Any] ?? [:] }

    /// |actual − expected| ≤ tolerance · |expected|.
    private func close(_ actual: Any?, _ expected: Double, _ tolerance: Double) -> Bool {
        guard let actual = actual as? Double else { return false }
        return abs(actual - expected) <= tolerance * abs(expected)
    }

    /// Every CDNOW sample row: master id, YYYYMMDD, dollars as text.
    private func sampleRows() throws -> [(customer: String, date: Int, dollars: String)] {
        try String(contentsOfFile: Self.sample, encoding: .utf8).split(whereSeparator: \.isNewline).map { line in
            let f = line.split(separator: " ")
            return (String(f[0]), Int(f[2])!, String(f[4]))
        }
    }

    @Test("fit --json on the CDNOW sample gives the published BG/NBD and Gamma-Gamma parameters and holdout")
    func publishedParameters() async throws {
        let dir = FlywheelBinary.temporaryDirectory()
        let run = try await FlywheelBinary.run(
            ["clv", "fit", "--input", Self.sample, "--input-format", "cdnow-sample", "--json"] + Self.literature,
            in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let json = try run.json()
        let bgnbd = object(json, "bgnbd")
        // Fader, Hardie & Lee (2005): r 0.243, α 4.414, a 0.793, b 2.426; LL −9,582.4.
        #expect(close(bgnbd["r"], 0.243, 0.01))
        #expect(close(bgnbd["alpha"], 4.414, 0.01))
        #expect(close(bgnbd["a"], 0.793, 0.01))
        #expect(close(bgnbd["b"], 2.426, 0.01))
        #expect(close(bgnbd["log_likelihood"], -9_582.4, 0.0001))
        #expect(json["paretonbd"] == nil)
        // Fader & Hardie (2013): p 6.25, q 3.74, γ 15.44.
        let spend = object(json, "gamma_gamma")
        #expect(close(spend["p"], 6.25, 0.02))
        #expect(close(spend["q"], 3.74, 0.02))
        #expect(close(spend["gamma"], 15.44, 0.02))
        #expect(spend["customers"] as? Int == 946)

        let calibration = object(json, "calibration")
        #expect(calibration["start"] as? String == "1997-01-01")
        #expect(calibration["end"] as? String == "1997-09-30")
        #expect(calibration["time_unit"] as? String == "week")
        #expect(calibration["customers"] as? Int == 2_357)
        #expect(calibration["repeat_customers"] as? Int == 946)
        #expect(calibration["repeat_purchases"] as? Int == 2_457)
        #expect(calibration["transactions"] as? Int == (try sampleRows().filter { $0.date <= 19_970_930 }.count))
        // The literature's holdout, weeks 40–78: 1,882 repeat purchases; BG/NBD predicts 1,653.4 (lifetimes too).
        let holdout = object(json, "holdout")
        #expect(holdout["start"] as? String == "1997-10-01")
        #expect(holdout["end"] as? String == "1998-06-30")
        #expect(close(holdout["length"], 39, 1e-12))
        #expect(holdout["actual_repeat_purchases"] as? Int == 1_882)
        #expect(close(holdout["predicted_repeat_purchases"], 1_653.4, 0.0005))
        #expect(json["currency"] as? String == "USD")
        #expect(object(json, "orders")["used"] as? Int == 6_919)

        let text = try await FlywheelBinary.run(
            ["clv", "fit", "--input", Self.sample, "--input-format", "cdnow-sample"] + Self.literature, in: dir)
        #expect(text.status == 0)
        #expect(text.stdout.contains("BG/NBD        r 0.2426   α 4.4136   a 0.7929   b 2.4259"))
        #expect(text.stdout.contains("1,882 repeat purchases, predicted 1,653.4"))
    }

    @Test("--model paretonbd gives the published Pareto/NBD parameters")
    func paretoNBD() async throws {
        let run = try await FlywheelBinary.run(
            ["clv", "fit", "--input", Self.sample, "--input-format", "cdnow-sample", "--model", "paretonbd", "--json"]
                + Self.literature, in: FlywheelBinary.temporaryDirectory())
        #expect(run.status == 0, "\(run.stderr)")
        let json = try run.json()
        let pareto = object(json, "paretonbd")
        // Fader, Hardie & Lee (2005): r 0.553, α 10.578, s 0.606, β 11.669.
        #expect(close(pareto["r"], 0.553, 0.01))
        #expect(close(pareto["alpha"], 10.578, 0.01))
        #expect(close(pareto["s"], 0.606, 0.01))
        #expect(close(pareto["beta"], 11.669, 0.01))
        #expect(json["bgnbd"] == nil)
        #expect(close(object(json, "holdout")["predicted_repeat_purchases"], 1_665.5, 0.0005))
    }

    @Test("the fit from the database after flywheel import equals the fit from the file")
    func databaseEqualsFile() async throws {
        let dir = FlywheelBinary.temporaryDirectory()
        let imported = try await FlywheelBinary.run(["import", Self.sample, "--format", "cdnow-sample"], in: dir)
        #expect(imported.status == 0, "\(imported.stderr)")
        let fromDatabase = try await FlywheelBinary.run(["clv", "fit", "--json"] + Self.literature, in: dir)
        #expect(fromDatabase.status == 0, "\(fromDatabase.stderr)")
        let fromFile = try await FlywheelBinary.run(
            ["clv", "fit", "--input", Self.sample, "--input-format", "cdnow-sample", "--json"] + Self.literature,
            in: dir)
        let a = try fromDatabase.json()
        let b = try fromFile.json()
        for key in ["r", "alpha", "a", "b", "log_likelihood"] {
            let x = object(b, "bgnbd")[key] as? Double ?? .nan
            #expect(close(object(a, "bgnbd")[key], x, 1e-9), "\(key)")
        }
        for key in ["p", "q", "gamma"] {
            let x = object(b, "gamma_gamma")[key] as? Double ?? .nan
            #expect(close(object(a, "gamma_gamma")[key], x, 1e-9), "\(key)")
        }
        #expect(NSDictionary(dictionary: object(a, "calibration")).isEqual(to: object(b, "calibration")))
        #expect(object(a, "holdout")["actual_repeat_purchases"] as? Int == 1_882)
        #expect(a["currency"] as? String == "USD")  // the orders' one currency, though the shop's is EUR
    }

    @Test("cancelled, refunded, guest, foreign-currency and replaced orders are left out; partial refunds subtracted")
    func purchaseRules() async throws {
        // The CDNOW sample as a Shopify export, with orders that must not count mixed in.
        var csv = "Name,Id,Email,Created at,Lineitem quantity,Lineitem price,Currency,Total,Refunded Amount,"
            + "Cancelled at,Financial Status\n"
        func date(_ yyyymmdd: Int) -> String {
            String(format: "%04d-%02d-%02d 12:00:00", yyyymmdd / 10_000, yyyymmdd / 100 % 100, yyyymmdd % 100)
        }
        // An earlier version of order 1, replaced by the later row with the same Id.
        csv += "#early,1,c00004@example.com,1997-01-01 09:00:00,1,1000.00,USD,1000.00,,,paid\n"
        var partial = 0
        var cancelled = 0
        var refunded = 0
        for (k, row) in try sampleRows().enumerated() {
            let n = k + 1
            let email = "c\(row.customer)@example.com"
            let cents = Int(row.dollars.replacingOccurrences(of: ".", with: ""))!
            if n % 7 == 0 && cents > 0 {
                partial += 1
                let price = String(format: "%.2f", Double(cents + 500) / 100)
                csv += "#\(n),\(n),\(email),\(date(row.date)),1,\(price),USD,\(price),5.00,,partially_refunded\n"
            } else {
                csv += "#\(n),\(n),\(email),\(date(row.date)),1,\(row.dollars),USD,\(row.dollars),,,paid\n"
            }
            if n % 50 == 0 {
                cancelled += 1
                csv += "#c\(n),c\(n),\(email),\(date(row.date)),1,99.00,USD,99.00,,\(date(row.date)),voided\n"
            }
            if n % 60 == 0 {
                refunded += 1
                csv += "#r\(n),r\(n),\(email),\(date(row.date)),1,42.00,USD,42.00,42.00,,refunded\n"
            }
        }
        csv += "#guest,guest,,1997-03-01 12:00:00,1,10.00,USD,10.00,,,paid\n"
        csv += "#eur,eur,c00004@example.com,1997-03-02 12:00:00,1,10.00,EUR,10.00,,,paid\n"
        let dir = FlywheelBinary.temporaryDirectory()
        let file = dir.appendingPathComponent("cdnow_as_shopify.csv")
        try csv.write(to: file, atomically: true, encoding: .utf8)

        let run = try await FlywheelBinary.run(
            ["clv", "fit", "--input", file.path, "--input-format", "shopify", "--currency", "USD", "--json"]
                + Self.literature, in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let json = try run.json()
        let orders = object(json, "orders")
        #expect(orders["read"] as? Int == 6_919 + 1 + cancelled + refunded + 2)
        #expect(orders["used"] as? Int == 6_919)
        #expect(orders["replaced"] as? Int == 1)
        #expect(orders["cancelled"] as? Int == cancelled)
        #expect(orders["fully_refunded"] as? Int == refunded)
        #expect(orders["guest"] as? Int == 1)
        #expect(orders["other_currency"] as? Int == 1)
        #expect(orders["refunded_minor"] as? Int == 500 * partial)
        #expect(partial > 900 && cancelled == 138 && refunded == 115)

        let plain = try await FlywheelBinary.run(
            ["clv", "fit", "--input", Self.sample, "--input-format", "cdnow-sample", "--json"] + Self.literature,
            in: dir)
        let expected = try plain.json()
        let compared = [("bgnbd", ["r", "alpha", "a", "b", "log_likelihood"]), ("gamma_gamma", ["p", "q", "gamma"])]
        for (model, keys) in compared {
            for key in keys {
                let value = object(expected, model)[key] as? Double ?? .nan
                #expect(close(object(json, model)[key], value, 1e-9), "\(model).\(key)")
            }
        }
        #expect(NSDictionary(dictionary: object(json, "calibration")).isEqual(to: object(expected, "calibration")))
        #expect(object(json, "holdout")["actual_repeat_purchases"] as? Int == 1_882)
        let predicted = object(expected, "holdout")["predicted_repeat_purchases"] as? Double ?? .nan
        #expect(close(object(json, "holdout")["predicted_repeat_purchases"], predicted, 1e-9))
    }

    @Test("predict --csv has one row per customer, highest CLV first; --customer and --top choose rows")
    func predict() async throws {
        let dir = FlywheelBinary.temporaryDirectory()
        let input = ["--input", Self.sample, "--input-format", "cdnow-sample"]
        let run = try await FlywheelBinary.run(["clv", "predict", "--csv"] + input, in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "customer_id,repeat_purchases,first_order_date,last_order_date,probability_alive,"
            + "expected_purchases,expected_next_order_date,expected_average_order_value_minor,clv_minor,currency")
        let rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.count == 2_357)
        #expect(Set(rows.map { $0[0] }).count == 2_357)
        #expect(rows.allSatisfy { $0.count == 10 && $0[9] == "USD" })
        let values = rows.map { Int64($0[8]) ?? -1 }
        #expect(values.allSatisfy { $0 >= 0 })
        #expect(zip(values, values.dropFirst()).allSatisfy { $0 >= $1 })
        #expect(rows.allSatisfy { (Double($0[4]) ?? -1) >= 0 && (Double($0[4]) ?? 2) <= 1 })
        // Calibrated on everything: predictions start after the last order, 1998-06-30.
        #expect(rows.allSatisfy { $0[6] > "1998-06-30" && $0[3] <= "1998-06-30" })

        let top = rows[0]
        let one = try await FlywheelBinary.run(["clv", "predict", "--customer", top[0], "--json"] + input, in: dir)
        #expect(one.status == 0, "\(one.stderr)")
        let json = try one.json()
        #expect(json["as_of"] as? String == "1998-06-30")
        #expect(json["horizon"] as? Double == 52)
        #expect(json["clv_months"] as? Int == 12)
        #expect(json["customers_total"] as? Int == 2_357)
        let customers = json["customers"] as? [[String: Any]] ?? []
        #expect(customers.count == 1)
        #expect(customers.first?["customer_id"] as? String == top[0])
        #expect((customers.first?["clv_minor"] as? Int).map(String.init) == top[8])

        let table = try await FlywheelBinary.run(["clv", "predict", "--top", "5", "--time-unit", "day"] + input, in: dir)
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("Showing 5 of 2,357 customers"))
        #expect(table.stdout.contains("Horizon 365 days"))
        #expect(table.stdout.contains(" USD"))
    }

    @Test(
        "bad options exit 64 and name the option",
        arguments: [
            (["fit", "--time-unit", "month"], "month"),
            (["fit", "--model", "pareto"], "pareto"),
            (["fit", "--calibration-end", "1997-13-01"], "--calibration-end"),
            (["fit", "--input", "x.csv"], "--input-format"),
            (["fit", "--input-format", "csv"], "--input"),
            (["fit", "--input", "x.csv", "--input-format", "csv", "--database", "x.sqlite"], "--database"),
            (["fit", "--input", "x.csv", "--input-format", "xlsx"], "xlsx"),
            (["fit", "--currency", "EURO"], "--currency"),
            (["fit", "--time-zone", "Mars/Olympus"], "--time-zone"),
            (["predict", "--top", "0"], "--top"),
            (["predict", "--horizon", "0"], "--horizon"),
            (["predict", "--discount-rate", "1.5"], "--discount-rate"),
            (["predict", "--json", "--csv"], "--csv"),
        ])
    func badOptions(arguments: [String], named: String) async throws {
        let run = try await FlywheelBinary.run(["clv"] + arguments, in: FlywheelBinary.temporaryDirectory())
        #expect(run.status == 64)
        #expect(run.stderr.contains(named), "\(run.stderr)")
    }

    @Test("unusable input exits 1 with a clear message")
    func unusableInput() async throws {
        let dir = FlywheelBinary.temporaryDirectory()
        let missing = try await FlywheelBinary.run(["clv", "fit", "--input", "nope.csv", "--input-format", "csv"], in: dir)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("cannot open nope.csv"))

        let noDatabase = try await FlywheelBinary.run(["clv", "fit"], in: dir)
        #expect(noDatabase.status == 1)
        #expect(noDatabase.stderr.contains("there is no database at flywheel.sqlite"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("flywheel.sqlite").path))

        let input = ["--input", Self.sample, "--input-format", "cdnow-sample"]
        let early = try await FlywheelBinary.run(["clv", "fit", "--calibration-end", "1996-12-31"] + input, in: dir)
        #expect(early.status == 1)
        #expect(early.stderr.contains("--calibration-end 1996-12-31 is before the first purchase (1997-01-01)"))

        let nobody = try await FlywheelBinary.run(["clv", "predict", "--customer", "nobody"] + input, in: dir)
        #expect(nobody.status == 1)
        #expect(nobody.stderr.contains("--customer: there is no customer nobody"))

        let dollars = try await FlywheelBinary.run(
            ["clv", "fit", "--input", FlywheelBinary.fixture("shopify/orders_export_eu.csv")]
                + ["--input-format", "shopify", "--currency", "USD"], in: dir)
        #expect(dollars.status == 1)
        #expect(dollars.stderr.contains("no purchases to analyse"))
        #expect(dollars.stderr.contains("in other currencies than USD (--currency chooses)"))
    }

    @Test("a clean plain-CSV file read in columns gives the fit and predictions the full reader gives")
    func columnarEqualsFullReader() async throws {
        let dir = FlywheelBinary.temporaryDirectory()
        let clean = dir.appendingPathComponent("sim.csv")
        let simulated = try await FlywheelBinary.run(
            ["simulate", "--customers", "400", "--seed", "5", "--out", clean.path], in: dir)
        #expect(simulated.status == 0, "\(simulated.stderr)")
        // The same rows with one customer id quoted: the columnar reader gives such a file to the full reader,
        // which reads the quoted id as the plain one.
        var lines = try String(contentsOf: clean, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let first = lines[1].split(separator: ",", maxSplits: 1)
        lines[1] = "\"\(first[0])\",\(first[1])"
        let quoted = dir.appendingPathComponent("quoted.csv")
        try lines.joined(separator: "\n").write(to: quoted, atomically: true, encoding: .utf8)
        for command in [["clv", "fit", "--json"], ["clv", "predict", "--csv"], ["clv", "fit", "--model", "paretonbd"]] {
            let fast = try await FlywheelBinary.run(command + ["--input", clean.path, "--input-format", "csv"], in: dir)
            let full = try await FlywheelBinary.run(command + ["--input", quoted.path, "--input-format", "csv"], in: dir)
            #expect(fast.status == 0, "\(fast.stderr)")
            #expect(full.status == 0, "\(full.stderr)")
            #expect(!fast.stdout.isEmpty)
            #expect(fast.stdout.replacingOccurrences(of: clean.path, with: "FILE")
                == full.stdout.replacingOccurrences(of: quoted.path, with: "FILE"), "\(command)")
        }
    }
}
