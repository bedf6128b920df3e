import ArgumentParser

/// `flywheel loyalty …`: the loyalty programme (docs/loyalty.md).
struct LoyaltyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "loyalty",
        abstract: "The loyalty programme: simulate a design, switch in from another provider, export everything.",
        subcommands: [Simulate.self, Import.self, Export.self]
    )
}
