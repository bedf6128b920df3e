import ArgumentParser
import FlywheelCore
import FlywheelSimulation
import Foundation

/// `flywheel simulate`: a realistic simulated shop, as a CSV file or straight into a database.
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Generate a realistic simulated shop (deterministic for a seed).",
        discussion: """
            --out writes the orders as the plain CSV import format (one row per line item);
            --database stores the whole shop: customers, products, orders, shipments, refunds, returns,
            survey answers, reviews and marketing spend. The generating process and its true parameters are
            described in docs/simulation.md.

            Examples:
              flywheel simulate --customers 1000000 --seed 7 --out orders.csv
              flywheel simulate --customers 20000 --seed 1 --database shop.sqlite
            """
    )

    @Option(help: "How many customers to acquire over the two simulated years.")
    var customers: Int

    @Option(help: "The random seed; the same seed gives the same shop.")
    var seed: UInt64

    @Option(help: ArgumentHelp("Write the orders as plain CSV to this file.", valueName: "file.csv"))
    var out: String?

    @Option(help: ArgumentHelp("The last simulated day, YYYY-MM-DD.", valueName: "date"))
    var endDate: String?

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard customers >= 1 && customers <= 50_000_000 else {
            throw ValidationError("--customers must be 1 to 50000000")
        }
        guard (out == nil) != (database.database == nil) else {
            throw ValidationError("give exactly one of --out FILE.csv or --database PATH")
        }
        if let endDate, CivilDate(iso: endDate[...]) == nil {
            throw ValidationError("--end-date: '\(endDate)' is not a date in the form YYYY-MM-DD")
        }
    }

    var config: SimulationConfig {
        SimulationConfig(
            customers: customers, seed: seed,
            endDate: endDate.flatMap { CivilDate(iso: $0[...]) } ?? SimulationConfig.defaultEndDate)
    }

    func run() async throws {
        let simulator = ShopSimulator(config: config)
        let started = Date()
        if let out {
            try writeCSV(simulator, to: out, started: started)
        } else {
            let store = try await database.openStore()
            let counts = try await Self.fill(store, with: simulator, display: ProgressDisplay())
            print(
                "Simulated \(Format.count(counts.customers.created)) customers and \(Format.count(counts.orders.created))"
                    + " orders into \(database.displayLocation()) in \(Format.duration(Date().timeIntervalSince(started))).")
        }
    }

    private func writeCSV(_ simulator: ShopSimulator, to path: String, started: Date) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path)
        else { throw ValidationError("--out: cannot create \(path)") }
        defer { try? handle.close() }
        let display = ProgressDisplay()
        var bytes = 0
        let summary = try simulator.writeOrdersCSV { chunk in
            try handle.write(contentsOf: chunk)
            bytes += chunk.count
            display.update(fraction: 0, "\(Format.count(bytes / 1_048_576)) MiB written")
        }
        display.finish()
        print(
            "Wrote \(Format.count(summary.orders)) orders (\(Format.count(summary.rows)) rows) of"
                + " \(Format.count(summary.customers)) customers to \(path) in"
                + " \(Format.duration(Date().timeIntervalSince(started))).")
    }

    /// Stores a simulated shop batch by batch, showing progress; used by `demo` too.
    static func fill(_ store: any FlywheelStore, with simulator: ShopSimulator, display: ProgressDisplay) async throws
        -> IngestCounts
    {
        try await store.saveShopSettings(simulator.settings)
        var counts = IngestCounts()
        let total = simulator.config.customers
        for batch in simulator.batches(customersPerBatch: 2_000) {
            counts = counts + (try await store.ingest(batch))
            display.update(
                fraction: Double(counts.customers.created) / Double(max(total, 1)),
                "\(Format.count(counts.customers.created)) customers, \(Format.count(counts.orders.created)) orders")
        }
        display.finish()
        return counts
    }
}
