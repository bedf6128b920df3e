import Foundation
import Testing

@Suite("flywheel report (the real binary)")
struct ReportCommandTests {
    @Test("CDNOW_master: the report from the database equals the report straight from the file")
    func databaseAndInputAgree() async throws {
        let dir = FlywheelBinary.temporaryDirectory()
        let master = FlywheelBinary.fixture("cdnow/CDNOW_master.txt")
        let imported = try await FlywheelBinary.run(["import", master, "--format", "cdnow"], in: dir)
        #expect(imported.status == 0, "\(imported.stderr)")

        // The database's shop counts in EUR; every CDNOW order is in USD, so the report reads them in USD.
        let fromDatabase = try await FlywheelBinary.run(["report", "--format", "json", "--clv", "--top", "5"], in: dir)
        #expect(fromDatabase.status == 0, "\(fromDatabase.stderr)")
        let fromFile = try await FlywheelBinary.run(
            ["report", "--input", master, "--input-format", "cdnow", "--format", "json", "--clv", "--top", "5"], in: dir)
        #expect(fromFile.status == 0, "\(fromFile.stderr)")

        let database = try fromDatabase.json()
        let file = try fromFile.json()
        // Same figures: counts, money and text exactly; fractions and model parameters to 1e-9 (the database
        // lists customers in id order, the file in file order, so floating-point sums run in another order).
        #expect(Self.differences(database, file).isEmpty, "\(Self.differences(database, file).prefix(5))")
        #expect(database["currency"] as? String == "USD")
        let headline = try #require(database["headline"] as? [String: Any])
        #expect(headline["customers"] as? Int == 23_570)
        #expect(headline["orders"] as? Int == 69_659)
        #expect(headline["repeat_buyers"] as? Int == 11_516)
        #expect(headline["net_revenue_minor"] as? Int == 250_031_563)
        #expect((database["monthly"] as? [Any])?.count == 18)
        let clv = try #require(database["clv"] as? [String: Any])
        #expect(clv["fitted_customers"] as? Int == 23_570)
        #expect((clv["top_customers"] as? [[String: Any]])?.first?["customer"] as? String == "07592")
    }

    @Test("a plain CSV is reported straight from the file; a bad row still gets the importer's warning and is left out")
    func plainCSVInput() async throws {
        let dir = FlywheelBinary.temporaryDirectory()
        let fixture = FlywheelBinary.fixture("csv/history.csv")
        let clean = try await FlywheelBinary.run(["report", "--input", fixture, "--input-format", "csv", "--format", "json"], in: dir)
        #expect(clean.status == 0, "\(clean.stderr)")
        #expect(!clean.stderr.contains("warning"))
        let headline = try #require(try clean.json()["headline"] as? [String: Any])
        #expect(headline["orders"] as? Int == 4)
        #expect(headline["customers"] as? Int == 3)
        #expect(headline["net_revenue_minor"] as? Int == 8_680)

        // One bad row: the columnar reader hands the file to the full reader, which rejects it as before.
        let text = try String(contentsOfFile: fixture, encoding: .utf8) + "C3,2024-03-01,-5.00,O-9,EUR,,SKU-A,1,web\n"
        let bad = dir.appendingPathComponent("bad.csv")
        try text.write(to: bad, atomically: true, encoding: .utf8)
        let rejected = try await FlywheelBinary.run(["report", "--input", bad.path, "--input-format", "csv", "--format", "json"], in: dir)
        #expect(rejected.status == 0, "\(rejected.stderr)")
        #expect(rejected.stderr.contains("1 row(s) of \(bad.path) (csv) were rejected"))
        #expect(rejected.stderr.contains("line 7: amount: must not be negative"))
        let left = try #require(try rejected.json()["headline"] as? [String: Any])
        for key in ["orders", "customers", "net_revenue_minor", "repeat_buyers"] {
            #expect(left[key] as? Int == headline[key] as? Int, "\(key)")
        }
    }

    /// Where two JSON values differ: paths of unequal leaves (numbers with a fraction compared to 1e-9).
    @Test("--timing names every phase and section on standard error and leaves the report as it was")
    func timing() async throws {
        let dir = FlywheelBinary.temporaryDirectory()
        let fixture = FlywheelBinary.fixture("csv/history.csv")
        let input = ["report", "--input", fixture, "--input-format", "csv", "--format", "json", "--clv"]
        let plain = try await FlywheelBinary.run(input, in: dir)
        let timed = try await FlywheelBinary.run(input + ["--timing"], in: dir)
        #expect(timed.status == 0, "\(timed.stderr)")
        #expect(timed.stdout == plain.stdout)
        #expect(!plain.stderr.contains("timing:"))
        let lines = timed.stderr.split(separator: "\n").filter { $0.hasPrefix("timing:") }
        for phase in [
            "read: map, cut, parse, table load", "read: the consumer thread adding pieces", "engine pass",
            "engine: rows by customer", "engine: figures", "snapshot", "report sections", "section clv",
            "section headline + monthly", "section cohorts", "section funnel", "section segments", "section gaps",
            "render json", "output", "total so far",
        ] {
            #expect(lines.contains { $0.hasSuffix(phase) || $0.contains(phase) }, "\(phase)")
        }
        // Each line: start, wall clock and CPU in seconds, then the phase.
        for line in lines.dropFirst() {
            let numbers = line.dropFirst("timing:".count).split(separator: " ").prefix(3)
                .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "[]")) }
                .filter { !$0.isEmpty }
            #expect(numbers.allSatisfy { Double($0).map { $0 >= 0 } ?? false }, "\(line)")
        }
    }

    static func differences(_ a: Any, _ b: Any, path: String = "") -> [String] {
        switch (a, b) {
        case (let x as [String: Any], let y as [String: Any]):
            guard Set(x.keys) == Set(y.keys) else { return ["\(path): keys \(x.keys.sorted()) ≠ \(y.keys.sorted())"] }
            return x.keys.sorted().flatMap { differences(x[$0]!, y[$0]!, path: path + "." + $0) }
        case (let x as [Any], let y as [Any]):
            guard x.count == y.count else { return ["\(path): \(x.count) ≠ \(y.count) items"] }
            return zip(x, y).enumerated().flatMap { differences($1.0, $1.1, path: path + "[\($0)]") }
        case (let x as NSNumber, let y as NSNumber):
            let (u, v) = (x.doubleValue, y.doubleValue)
            return u == v || abs(u - v) <= 1e-9 * max(abs(u), abs(v)) ? [] : ["\(path): \(x) ≠ \(y)"]
        default:
            return "\(a)" == "\(b)" ? [] : ["\(path): \(a) ≠ \(b)"]
        }
    }

    @Test("the demo shop in all four formats, with the sections each format promises")
    func demoShopFormats() async throws {
        let dir = FlywheelBinary.temporaryDirectory()
        let database = dir.appendingPathComponent("demo.sqlite").path
        let simulated = try await FlywheelBinary.run(["simulate", "--customers", "2000", "--seed", "7", "--database", database], in: dir)
        #expect(simulated.status == 0, "\(simulated.stderr)")

        let text = try await FlywheelBinary.run(["report", "--database", database, "--locale", "en", "--clv"], in: dir)
        #expect(text.status == 0, "\(text.stderr)")
        for title in [
            "HEADLINE FIGURES", "Acquisition by channel", "MONTH BY MONTH", "COHORT RETENTION", "FUNNEL", "SEGMENTS",
            "TIME BETWEEN PURCHASES", "PREDICTED CUSTOMER LIFETIME VALUE",
        ] {
            #expect(text.stdout.contains(title), "text lacks \(title)")
        }
        #expect(text.stdout.split(separator: "\n").allSatisfy { $0.count <= 100 })
        #expect(!text.stdout.contains("  NPS                                no data"))  // the demo shop has answers

        let german = try await FlywheelBinary.run(["report", "--database", database, "--locale", "de", "--sections", "headline"], in: dir)
        #expect(german.status == 0)
        #expect(german.stdout.contains("KENNZAHLEN") && german.stdout.contains("Wiederkaufrate"))
        #expect(!german.stdout.contains("MONATSVERLAUF"))

        let json = try await FlywheelBinary.run(["report", "--database", database, "--format", "json"], in: dir)
        #expect(json.status == 0, "\(json.stderr)")
        let object = try json.json()
        for key in ["headline", "monthly", "cohorts", "funnel", "segments", "gaps"] {
            #expect(!(object[key] is NSNull) && object[key] != nil, "json lacks \(key)")
        }
        #expect(object["clv"] is NSNull)
        let months = try #require(object["monthly"] as? [[String: Any]])
        #expect(months.count == 24)
        #expect(months.contains { $0["nps"] is [String: Any] })
        #expect(((object["headline"] as? [String: Any])?["channels"] as? [Any])?.isEmpty == false)

        let csv = try await FlywheelBinary.run(["report", "--database", database, "--format", "csv"], in: dir)
        #expect(csv.status == 0, "\(csv.stderr)")
        let lines = csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first == "section,group,item,metric,value,unit")
        let sections = Set(lines.dropFirst().map { String($0.prefix { $0 != "," }) })
        #expect(sections == ["report", "excluded", "headline", "channels", "monthly", "cohorts", "funnel", "segments", "gaps"])

        let html = try await FlywheelBinary.run(["report", "--database", database, "--format", "html", "--clv"], in: dir)
        #expect(html.status == 0, "\(html.stderr)")
        #expect(html.stdout.isEmpty)
        #expect(html.stderr.contains("wrote flywheel-report.html"))
        let page = try String(contentsOf: dir.appendingPathComponent("flywheel-report.html"), encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("<html lang=\"de\">"))  // the simulated shop speaks German
        for id in ["headline", "monthly", "cohorts", "funnel", "segments", "gaps", "clv"] {
            #expect(page.contains("<section id=\"\(id)\""), "html lacks \(id)")
        }
        #expect(page.components(separatedBy: "<table").count == page.components(separatedBy: "</table>").count)
        #expect(!page.contains("<script"))
    }

    @Test("--segment takes stages and RFM segments, and says which is meant when a name is both")
    func segments() async throws {
        let dir = FlywheelBinary.temporaryDirectory()
        let master = FlywheelBinary.fixture("cdnow/CDNOW_master.txt")
        let input = ["report", "--input", master, "--input-format", "cdnow", "--format", "json"]

        let atRisk = try await FlywheelBinary.run(input + ["--segment", "At Risk", "--sections", "headline"], in: dir)
        #expect(atRisk.status == 0, "\(atRisk.stderr)")
        let object = try atRisk.json()
        #expect((object["segment"] as? [String: Any])?["value"] as? String == "at_risk")
        #expect(object["segment_customers"] as? Int == (object["headline"] as? [String: Any])?["customers"] as? Int)
        #expect((object["segment_customers"] as? Int ?? 0) < 23_570)

        let ambiguous = try await FlywheelBinary.run(input + ["--segment", "loyal"], in: dir)
        #expect(ambiguous.status == 64)
        #expect(ambiguous.stderr.contains("write lifecycle:loyal or rfm:loyal"))
        #expect(try await FlywheelBinary.run(input + ["--segment", "rfm:loyal", "--sections", "funnel"], in: dir).status == 0)

        let unknown = try await FlywheelBinary.run(input + ["--segment", "whales"], in: dir)
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("lapsing"))
    }

    @Test("a range, a file to write to, and clear failures")
    func rangeOutputAndFailures() async throws {
        let dir = FlywheelBinary.temporaryDirectory()
        let master = FlywheelBinary.fixture("cdnow/CDNOW_master.txt")
        let ranged = try await FlywheelBinary.run(
            [
                "report", "--input", master, "--input-format", "cdnow", "--since", "1997-03-15", "--until", "1997-12-31",
                "--format", "csv", "--output", "r.csv",
            ], in: dir)
        #expect(ranged.status == 0, "\(ranged.stderr)")
        #expect(ranged.stdout.isEmpty)
        let csv = try String(contentsOf: dir.appendingPathComponent("r.csv"), encoding: .utf8)
        #expect(csv.contains("report,,,as_of,1997-12-31,text\r\n"))
        #expect(csv.contains("report,,,from_month,1997-03,text\r\n"))
        #expect(csv.contains("monthly,,1997-12,customers,"))
        #expect(!csv.contains("monthly,,1998-01,"))

        let missing = try await FlywheelBinary.run(["report", "--database", dir.appendingPathComponent("none.sqlite").path], in: dir)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("there is no database at"))

        let backwards = try await FlywheelBinary.run(["report", "--since", "1998-01-01", "--until", "1997-01-01"], in: dir)
        #expect(backwards.status == 64)
    }
}
