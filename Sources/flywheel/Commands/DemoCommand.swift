import ArgumentParser
import FlywheelCore
import FlywheelServer
import FlywheelSimulation
import Foundation
import Hummingbird
import Logging

/// `flywheel demo`: a simulated shop and its retention numbers, in one command.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Create a demo shop from the simulator (first run only), show its retention numbers and serve its dashboard.",
        discussion: """
            The demo database is ./flywheel-demo.sqlite unless --database or $FLYWHEEL_DATABASE says otherwise;
            it is created on the first run and reused after that. The dashboard is served on
            http://127.0.0.1:8080 (--port) with an admin `demo` whose new password is printed each run;
            Ctrl-C stops it. --no-serve only prints the numbers.
            """
    )

    @Option(help: "Customers in a newly created demo shop.")
    var customers = 20_000

    @Option(help: "The simulator's seed for a newly created demo shop.")
    var seed: UInt64 = 42

    @Option(help: "The port the dashboard listens on (0 picks a free one).")
    var port = 8080

    @Option(
        help: ArgumentHelp(
            "The loyalty programme the demo runs (points are awarded for the shop's orders since its effective_from).",
            discussion: "Defaults to examples/programmes/seeds-default.json when run from the repository.",
            valueName: "file"))
    var programme: String?

    @Option(
        help: ArgumentHelp(
            "A folder of flow files the demo switches on.",
            discussion: "Defaults to examples/flows (the seeds' library) when run from the repository.",
            valueName: "dir"))
    var flows: String?

    @Flag(help: "Print the numbers and stop, without serving the dashboard.")
    var noServe = false

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
        guard !noServe else { return }
        try await serve(store, location: location)
    }

    /// Serves the dashboard (and the API) on 127.0.0.1 with a fresh password for the admin `demo`.
    private func serve(_ store: any FlywheelStore, location: String) async throws {
        let password = AdminAccounts.randomPassword()
        _ = try await store.saveAdmin(try await AdminAccounts().account(username: "demo", password: password, now: Date()))
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .warning
            return handler
        }
        let seedsDefault = "examples/programmes/seeds-default.json"
        let programmePath = programme ?? (FileManager.default.fileExists(atPath: seedsDefault) ? seedsDefault : nil)
        let loaded = try programmePath.map(ProgrammeFile.load)
        let seedsFlows = "examples/flows"
        let flowsPath = flows ?? (FileManager.default.fileExists(atPath: seedsFlows) ? seedsFlows : nil)
        let flowLibrary = try ServeCommand.flowLibrary(flowsPath, templates: nil)
        let app = try await FlywheelServer.buildApplication(
            store: store, configuration: Self.configuration(port: port),
            logger: Logger(label: "flywheel"), programme: loaded, flows: flowLibrary?.library
        ) { port in
            print(
                """

                The dashboard: http://127.0.0.1:\(port)/
                  Sign in as:  demo
                  Password:    \(password)
                (a new password each run; more admins: flywheel admin create --username NAME --database \(location))
                Press Ctrl-C to stop.
                """)
            fflush(nil)
        }
        try await app.runService()
    }

    /// The demo server: local, and the demo shop delivers in 2 to 4 working days (the order confirmation
    /// restates the window).
    static func configuration(port: Int) -> ServerConfiguration {
        var configuration = ServerConfiguration(host: "127.0.0.1", port: port)
        configuration.deliveryDays = DeliveryDays(earliest: 2, latest: 4)
        return configuration
    }
}
