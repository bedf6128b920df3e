// swift-tools-version: 6.1
import PackageDescription

/// `scripts/bench-analytics-live`: a shop's history read from a CSV file into the analytics engine, then new
/// orders applied one at a time as `flywheel serve` applies them — how long until each is reflected in the
/// kept figures, the customer's profile and the saved segments, against recomputing from scratch. Not part
/// of Flywheel.
let package = Package(
    name: "AnalyticsLiveBench",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "Flywheel", path: "../..")],
    targets: [
        .executableTarget(
            name: "AnalyticsLiveBench",
            dependencies: [
                .product(name: "FlywheelAnalytics", package: "Flywheel"),
                .product(name: "FlywheelImport", package: "Flywheel"),
                .product(name: "FlywheelCore", package: "Flywheel"),
            ],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")])
    ]
)
