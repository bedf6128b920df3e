import ArgumentParser
import FlywheelCore
import FlywheelSimulation
import Foundation

/// `flywheel demo`: a simulated shop and its retention numbers, in one command.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Create a demo shop from the simulator (first run only) and show its retention numbers.",
        discussion: """
            The demo database is ./flywheel-demo.sqlite unless --database or $FLYWHEEL_DATABASE says otherwise;
            it is created on the first run and reused after that.
            """
    )

    @Option(help: "Customers in a newly created demo shop.")
    var customers = 20_000

    @Option(help: "The simulator's seed for a newly created demo shop.")
    var seed: UInt64 = 42

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let location = database.location(default: "flywheel-demo.sqlite")
        let store = try await database.openStore(default: "flywheel-demo.sqlite")
        if try await store.status().orders == 0 {
            print("Creating the demo shop in \(location) (\(Format.count(customers)) simulated customers) …")
            let simulator = ShopSimulator(config: SimulationConfig(customers: customers, seed: seed))
            _ = try await SimulateCommand.fill(store, with: simulator, display: ProgressDisplay())
        }
        let settings = try await store.shopSettings() ?? .defaults
        let status = try await store.status()
        let snapshot = try await store.retentionSnapshot()
        let calendar = settings.calendar
        let period = [status.firstOrderAt, status.lastOrderAt].compactMap { $0.map { calendar.localDate(of: $0).description } }
        print(
            """

            \(settings.name) — retention at a glance (\(period.joined(separator: " to ")))
              Customers              \(Format.count(status.customers))
              Orders                 \(Format.count(snapshot.orders)) (not cancelled)
              Buyers                 \(Format.count(snapshot.buyers))
              Repeat buyers          \(Format.count(snapshot.repeatBuyers))
              Repeat purchase rate   \(Format.percent(snapshot.repeatPurchaseRate))
              Orders per buyer       \(String(format: "%.2f", Double(snapshot.orders) / Double(max(snapshot.buyers, 1))))
              Revenue (net refunds)  \(snapshot.revenue.map(Format.money).joined(separator: ", "))

            Database: \(location). Try `flywheel status --database \(location)`.
            """)
    }
}
