public import ArgumentParser
public import FlywheelImport

/// Lets `--from` take `smile`, `loyaltylion`, `yotpo` or `flywheel`, and list them in `--help`.
extension LoyaltyProvider: ExpressibleByArgument {}
