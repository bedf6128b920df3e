import Foundation
import Testing

@Suite("flywheel import, status (the real binary on a SQLite file)")
struct ImportCommandTests {
    @Test("importing CDNOW_master twice gives 23,570 customers and 69,659 orders both times")
    func cdnowTwice() async throws {
        let dir = FlywheelBinary.temporaryDirectory()
        let master = FlywheelBinary.fixture("cdnow/CDNOW_master.txt")
        let first = try await FlywheelBinary.run(["import", master, "--format", "cdnow", "--json"], in: dir)
        #expect(first.status == 0, "\(first.stderr)")
        let one = try first.json()
        #expect(one["rows_read"] as? Int == 69_659)
        #expect(one["orders_created"] as? Int == 69_659)
        #expect(one["customers_created"] as? Int == 23_570)
        #expect(one["rows_rejected"] as? Int == 0)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("flywheel.sqlite").path))

        let second = try await FlywheelBinary.run(["import", master, "--format", "cdnow", "--json"], in: dir)
        #expect(second.status == 0)
        let two = try second.json()
        #expect(two["orders_created"] as? Int == 0)
        #expect(two["orders_updated"] as? Int == 0)
        #expect(two["orders_unchanged"] as? Int == 69_659)
        #expect(two["customers_created"] as? Int == 0)

        let status = try await FlywheelBinary.run(["status", "--json"], in: dir).json()
        #expect(status["customers"] as? Int == 23_570)
        #expect(status["orders"] as? Int == 69_659)
        #expect((status["first_order_at"] as? String)?.hasPrefix("1996-12-31T23:00:00") == true)  // 1997-01-01 in Berlin

        let text = try await FlywheelBinary.run(["status"], in: dir)
        #expect(text.stdout.contains("Orders       69,659"))
        #expect(text.stdout.contains("First order  1997-01-01"))
        #expect(text.stdout.contains("Last order   1998-06-30"))
    }

    @Test("a bad row is reported with line and field; --strict leaves the database exactly as it was")
    func badRowsAndStrict() async throws {
        let dir = FlywheelBinary.temporaryDirectory()
        let database = dir.appendingPathComponent("shop.sqlite").path
        let bad = FlywheelBinary.fixture("shopify/orders_export_bad.csv")
        try await FlywheelBinary.run(["import", FlywheelBinary.fixture("csv/history.csv"), "--format", "csv", "--database", database], in: dir)
        let before = try await FlywheelBinary.run(["status", "--json", "--database", database], in: dir).json()

        let strict = try await FlywheelBinary.run(["import", bad, "--format", "shopify", "--strict", "--json", "--database", database], in: dir)
        #expect(strict.status == 3)
        let summary = try strict.json()
        #expect(summary["strict_aborted"] as? Bool == true)
        #expect(summary["rows_rejected"] as? Int == 5)
        let errors = summary["errors"] as? [[String: Any]] ?? []
        #expect(errors.first?["line"] as? Int == 3)
        #expect(errors.first?["field"] as? String == "Total")
        let after = try await FlywheelBinary.run(["status", "--json", "--database", database], in: dir).json()
        #expect(after["orders"] as? Int == before["orders"] as? Int)
        #expect(after["customers"] as? Int == before["customers"] as? Int)

        let lenient = try await FlywheelBinary.run(["import", bad, "--format", "shopify", "--database", database], in: dir)
        #expect(lenient.status == 2)
        #expect(lenient.stdout.contains("rows rejected   5"))
        #expect(lenient.stderr.contains("line 3: Total: does not equal Subtotal + Shipping"))
        let report = try String(contentsOf: dir.appendingPathComponent("orders_export_bad.csv.errors.csv"), encoding: .utf8)
        #expect(report.split(separator: "\n").count == 6)
        let final = try await FlywheelBinary.run(["status", "--json", "--database", database], in: dir).json()
        #expect(final["orders"] as? Int == (before["orders"] as? Int ?? 0) + 2)
    }

    @Test("unusable input fails with a clear message and exit status 1; bad flags with usage help")
    func unusableInput() async throws {
        let dir = FlywheelBinary.temporaryDirectory()
        let empty = dir.appendingPathComponent("empty.csv")
        _ = FileManager.default.createFile(atPath: empty.path, contents: Data())
        let result = try await FlywheelBinary.run(["import", empty.path, "--format", "csv"], in: dir)
        #expect(result.status == 1)
        #expect(result.stderr.contains("is empty: there is nothing to import"))

        let wrong = dir.appendingPathComponent("wrong.csv")
        _ = FileManager.default.createFile(atPath: wrong.path, contents: Data("id,when\n1,2024-01-01\n".utf8))
        let columns = try await FlywheelBinary.run(["import", wrong.path, "--format", "csv"], in: dir)
        #expect(columns.status == 1)
        #expect(columns.stderr.contains("missing columns customer_id, date or datetime, amount"))

        let format = try await FlywheelBinary.run(["import", empty.path, "--format", "xlsx"], in: dir)
        #expect(format.status == 64)
        #expect(format.stderr.contains("xlsx"))
    }

    @Test("FLYWHEEL_DATABASE chooses the file when --database is not given")
    func environment() async throws {
        let dir = FlywheelBinary.temporaryDirectory()
        let database = dir.appendingPathComponent("from-env.sqlite").path
        let result = try await FlywheelBinary.run(
            ["import", FlywheelBinary.fixture("csv/history.csv"), "--format", "csv"], in: dir,
            environment: ["FLYWHEEL_DATABASE": database])
        #expect(result.status == 0)
        #expect(FileManager.default.fileExists(atPath: database))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("flywheel.sqlite").path))
    }
}
