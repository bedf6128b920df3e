import ArgumentParser

/// `flywheel loyalty …`: the loyalty programme (docs/loyalty.md).
struct LoyaltyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "loyalty",
        abstract: "The loyalty programme: try a programme design on the shop's own history.",
        subcommands: [Simulate.self]
    )
}
