// swift-tools-version: 6.1
import PackageDescription

/// The runners for `scripts/bench-smtp` and `scripts/bench-outbox`: render and send N messages to a local
/// SMTP server with FlywheelMessaging (one reused connection, pipelining) — directly (`SMTPDelivery`), or
/// queued in an SQLite outbox and delivered by `OutboxDelivery` (`OutboxDelivery`) — and print messages per
/// second. Not part of Flywheel.
let package = Package(
    name: "SMTPDelivery",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "Flywheel", path: "../..")],
    targets: [
        .executableTarget(
            name: "SMTPDelivery",
            dependencies: [.product(name: "FlywheelMessaging", package: "Flywheel")],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]),
        .executableTarget(
            name: "OutboxDelivery",
            dependencies: [
                .product(name: "FlywheelMessaging", package: "Flywheel"),
                .product(name: "FlywheelStore", package: "Flywheel"),
                .product(name: "FlywheelFlows", package: "Flywheel"),
                .product(name: "FlywheelCore", package: "Flywheel"),
            ],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]),
    ]
)
