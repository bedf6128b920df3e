// swift-tools-version: 6.1
import PackageDescription

/// `scripts/bench-scheduler`: N enrolments due at once in an SQLite file, worked by `FlowScheduler` in
/// batches, each batch's sends rendered by `OutboxEnqueuer` and batch-enqueued into the file's outbox; prints
/// steps per second and peak memory. Not part of Flywheel.
let package = Package(
    name: "FlowSchedulerBench",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "Flywheel", path: "../..")],
    targets: [
        .executableTarget(
            name: "FlowSchedulerBench",
            dependencies: [
                .product(name: "FlywheelAutomation", package: "Flywheel"),
                .product(name: "FlywheelFlows", package: "Flywheel"),
                .product(name: "FlywheelMessaging", package: "Flywheel"),
                .product(name: "FlywheelStore", package: "Flywheel"),
                .product(name: "FlywheelCore", package: "Flywheel"),
            ],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")])
    ]
)
