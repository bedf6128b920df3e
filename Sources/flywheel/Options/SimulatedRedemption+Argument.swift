public import ArgumentParser
public import FlywheelLoyalty

/// Lets `--redeem` take `never` or `when-affordable` and list them in `--help`.
extension SimulatedRedemption: ExpressibleByArgument {}
