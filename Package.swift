// swift-tools-version: 6.1
import PackageDescription

/// One set of settings for every target: Swift 6 language mode, strict concurrency.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Flywheel",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "flywheel", targets: ["flywheel"]),
        .library(name: "FlywheelCore", targets: ["FlywheelCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // Domain: pure Swift, no I/O, no third-party dependency.
        .target(name: "FlywheelCore", swiftSettings: swiftSettings),
        .target(name: "FlywheelSimulation", dependencies: ["FlywheelCore"], swiftSettings: swiftSettings),
        // Adapters.
        .target(name: "FlywheelImport", dependencies: ["FlywheelCore"], swiftSettings: swiftSettings),
        .target(
            name: "FlywheelStore",
            dependencies: [
                "FlywheelCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C API, for binding values without per-row allocation on the ingest path.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(name: "FlywheelTesting", dependencies: ["FlywheelCore"], swiftSettings: swiftSettings),
        // The executable: argument parsing and wiring only.
        .executableTarget(
            name: "flywheel",
            dependencies: [
                "FlywheelCore", "FlywheelImport", "FlywheelStore", "FlywheelSimulation",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "FlywheelCoreTests", dependencies: ["FlywheelCore"], swiftSettings: swiftSettings),
        .testTarget(
            name: "FlywheelSimulationTests", dependencies: ["FlywheelSimulation", "FlywheelCore"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "FlywheelImportTests",
            dependencies: ["FlywheelImport", "FlywheelCore", "FlywheelTesting"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "FlywheelStoreTests",
            dependencies: [
                "FlywheelStore", "FlywheelCore", "FlywheelTesting", "FlywheelImport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "FlywheelCLITests", dependencies: ["flywheel", "FlywheelCore", "FlywheelStore"],
            swiftSettings: swiftSettings),
    ]
)
