// swift-tools-version: 6.1
import PackageDescription

/// The ceiling for `scripts/bench-server`: a Hummingbird server that only decodes the same order JSON as
/// `POST /api/v1/orders` and answers, with no auth, validation or storage. Not part of Flywheel.
let package = Package(
    name: "ServerCeiling",
    platforms: [.macOS(.v15)],
    dependencies: [.package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1")],
    targets: [
        .executableTarget(
            name: "ServerCeiling", dependencies: [.product(name: "Hummingbird", package: "hummingbird")])
    ]
)
