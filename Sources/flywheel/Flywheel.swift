import ArgumentParser

/// `flywheel`: the customer-retention engine's command line.
@main
struct Flywheel: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flywheel",
        abstract: "A self-hosted customer-retention engine for online shops.",
        discussion: """
            Data lives in one SQLite file: ./flywheel.sqlite, or --database PATH, or $FLYWHEEL_DATABASE.

            Start with `flywheel demo` for a simulated shop, or load your own history:
              flywheel import orders_export.csv --format shopify
              flywheel status
            """,
        version: "0.1.0",
        subcommands: [
            DemoCommand.self, ImportCommand.self, StatusCommand.self, SimulateCommand.self, ServeCommand.self,
            KeysCommand.self, AdminCommand.self, CLVCommand.self, ReportCommand.self, LoyaltyCommand.self,
            FlowsCommand.self,
            CustomerCommand.self, OutboxCommand.self, SegmentsCommand.self,
        ]
    )
}
