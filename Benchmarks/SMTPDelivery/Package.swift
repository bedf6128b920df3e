// swift-tools-version: 6.1
import PackageDescription

/// The runner for `scripts/bench-smtp`: renders and sends N messages to a local SMTP server with
/// FlywheelMessaging (one reused connection, pipelining) and prints messages per second. Not part of Flywheel.
let package = Package(
    name: "SMTPDelivery",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "Flywheel", path: "../..")],
    targets: [
        .executableTarget(
            name: "SMTPDelivery",
            dependencies: [.product(name: "FlywheelMessaging", package: "Flywheel")],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")])
    ]
)
