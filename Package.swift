// swift-tools-version: 6.1
import PackageDescription

/// One set of settings for every target: Swift 6 language mode, strict concurrency. Concrete generic types'
/// metadata through their accessors, not by mangled name: a mangled-name lookup checks the type's generic
/// requirements at run time, and each first check scans every protocol conformance record of the binary
/// (≈ 16,000) — 4 ms of a 56 ms CDNOW report (docs/performance.md, "Tenth round").
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"]),
]

let package = Package(
    name: "Flywheel",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "flywheel", targets: ["flywheel"]),
        .library(name: "FlywheelCore", targets: ["FlywheelCore"]),
        // For Benchmarks/SMTPDelivery (scripts/bench-smtp, scripts/bench-outbox).
        .library(name: "FlywheelMessaging", targets: ["FlywheelMessaging"]),
        // For Benchmarks/FlowScheduler (scripts/bench-scheduler).
        .library(name: "FlywheelAutomation", targets: ["FlywheelAutomation"]),
        .library(name: "FlywheelFlows", targets: ["FlywheelFlows"]),
        .library(name: "FlywheelStore", targets: ["FlywheelStore"]),
        // For Benchmarks/AnalyticsLive (scripts/bench-analytics-live).
        .library(name: "FlywheelAnalytics", targets: ["FlywheelAnalytics"]),
        .library(name: "FlywheelImport", targets: ["FlywheelImport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-openapi-generator", from: "1.14.3"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
        .package(url: "https://github.com/hummingbird-project/swift-openapi-hummingbird", from: "2.1.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
    ],
    targets: [
        // Domain: pure Swift, no I/O, no third-party dependency.
        .target(name: "FlywheelCore", swiftSettings: swiftSettings),
        .target(name: "FlywheelSimulation", dependencies: ["FlywheelCore"], swiftSettings: swiftSettings),
        .target(name: "FlywheelAnalytics", dependencies: ["FlywheelCore"], swiftSettings: swiftSettings),
        .target(name: "FlywheelLoyalty", dependencies: ["FlywheelCore"], swiftSettings: swiftSettings),
        .target(name: "FlywheelFlows", dependencies: ["FlywheelCore"], swiftSettings: swiftSettings),
        // Adapters.
        // Loyalty: switching in from other loyalty providers writes through the points ledger.
        .target(name: "FlywheelImport", dependencies: ["FlywheelCore", "FlywheelLoyalty"], swiftSettings: swiftSettings),
        .target(
            name: "FlywheelStore",
            dependencies: [
                "FlywheelCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C API, for binding values without per-row allocation on the ingest path.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "FlywheelServer",
            dependencies: [
                "FlywheelCore", "FlywheelImport", "FlywheelStore", "FlywheelAnalytics", "FlywheelLoyalty", "FlywheelFlows",
                "FlywheelMessaging", "FlywheelAutomation",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIHummingbird", package: "swift-openapi-hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                // Flow webhooks (Flows/Effects/FlowWebhookCaller), as the SMS gateway.
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            resources: [
                .copy("openapi.yaml"), .copy("Dashboard/Templates"), .copy("Dashboard/Assets"),
                .copy("CustomerPages/CustomerTemplates"),
            ],
            swiftSettings: swiftSettings,
            plugins: [.plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator")]
        ),
        .target(
            name: "FlywheelMessaging",
            dependencies: [
                // Flows: the template catalogue flows are validated against, and flow previews.
                "FlywheelCore", "FlywheelFlows",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOTLS", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            resources: [.copy("Templates/Default")],
            swiftSettings: swiftSettings
        ),
        // The durable flow scheduler: FlywheelFlows' runner over the store's enrolment rows (no Hummingbird).
        .target(name: "FlywheelAutomation", dependencies: ["FlywheelCore", "FlywheelFlows"], swiftSettings: swiftSettings),
        .target(name: "FlywheelTesting", dependencies: ["FlywheelCore", "FlywheelLoyalty"], swiftSettings: swiftSettings),
        // The executable: argument parsing and wiring only.
        .executableTarget(
            name: "flywheel",
            dependencies: [
                "FlywheelCore", "FlywheelImport", "FlywheelStore", "FlywheelSimulation", "FlywheelServer",
                "FlywheelAnalytics", "FlywheelLoyalty", "FlywheelFlows", "FlywheelMessaging",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings,
            // The static build exports every symbol of our code for `dladdr` (66,000), and the Swift runtime's
            // start-up looks itself up with `dladdr` — a linear search, 1 ms of every run. Nothing resolves
            // the executable's own symbols at run time; crash backtraces read the symbol table, not these.
            linkerSettings: [.unsafeFlags(["-Xlinker", "--no-export-dynamic"])]
        ),
        .testTarget(
            name: "FlywheelAnalyticsTests", dependencies: ["FlywheelAnalytics", "FlywheelCore", "FlywheelSimulation"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "FlywheelPostgresTests",
            dependencies: [
                "FlywheelStore", "FlywheelCore", "FlywheelTesting", "FlywheelLoyalty",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "FlywheelServerTests",
            dependencies: [
                // Testing: the local SMTP sink (scripts/smtp-sink) for the delivery tests.
                "FlywheelServer", "FlywheelCore", "FlywheelLoyalty", "FlywheelStore", "FlywheelAutomation", "FlywheelFlows",
                "FlywheelMessaging", "FlywheelTesting",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                // Two servers on one PostgreSQL (SavedSegmentSyncTests): a database made per test.
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "FlywheelLoyaltyTests", dependencies: ["FlywheelLoyalty", "FlywheelCore"], swiftSettings: swiftSettings),
        .testTarget(
            name: "FlywheelFlowsTests", dependencies: ["FlywheelFlows", "FlywheelCore"], swiftSettings: swiftSettings),
        .testTarget(
            name: "FlywheelAutomationTests",
            dependencies: ["FlywheelAutomation", "FlywheelFlows", "FlywheelCore", "FlywheelStore", "FlywheelTesting"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "FlywheelMessagingTests",
            dependencies: [
                "FlywheelMessaging", "FlywheelFlows", "FlywheelCore", "FlywheelTesting",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                // HTMLEscapingTests compare with swift-mustache's own escaping.
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(name: "FlywheelCoreTests", dependencies: ["FlywheelCore"], swiftSettings: swiftSettings),
        .testTarget(
            name: "FlywheelSimulationTests", dependencies: ["FlywheelSimulation", "FlywheelCore"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "FlywheelImportTests",
            // Analytics and Simulation: the columnar reader's tests compare reports of simulated shops.
            dependencies: ["FlywheelImport", "FlywheelCore", "FlywheelTesting", "FlywheelAnalytics", "FlywheelSimulation"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "FlywheelStoreTests",
            dependencies: [
                "FlywheelStore", "FlywheelCore", "FlywheelTesting", "FlywheelImport", "FlywheelLoyalty",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "FlywheelCLITests",
            dependencies: [
                "flywheel", "FlywheelCore", "FlywheelStore", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings),
    ]
)
