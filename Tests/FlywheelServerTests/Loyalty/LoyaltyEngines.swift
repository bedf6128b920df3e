import FlywheelCore
import FlywheelStore
import Foundation

/// The store engines the loyalty service tests run on: in memory and a SQLite file (PostgreSQL runs the
/// same store contract in FlywheelPostgresTests).
enum LoyaltyEngines {
    static let all = ["memory", "sqlite"]

    /// Runs `body` with a migrated store of `engine`, removed afterwards.
    static func with<T>(_ engine: String, _ body: (any FlywheelStore) async throws -> T) async throws -> T {
        guard engine == "sqlite" else { return try await body(InMemoryStore()) }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("loyalty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try SQLiteStore(path: directory.appendingPathComponent("shop.sqlite").path)
        try await store.migrate()
        return try await body(store)
    }

    /// An EUR order of `totalMinor` for `customer`, one line.
    static func order(_ id: String, customer: String, totalMinor: Int64, at: Date, code: String? = nil) -> Order {
        Order(
            externalID: id, customerExternalID: customer, placedAt: at, currency: .eur,
            lineItems: [LineItem(sku: "TEA", title: "Sencha", quantity: 1, totalMinor: totalMinor)],
            discounts: code.map { [DiscountApplication(code: $0, amountMinor: 0)] } ?? [],
            subtotalMinor: totalMinor, totalMinor: totalMinor)
    }

    /// YEAR-MM-DD 10:00 UTC (2026 unless given).
    static func at(_ month: Int, _ day: Int, year: Int = 2026, hour: Int = 10) -> Date {
        let text = String(format: "%04d-%02d-%02dT%02d:00:00Z", year, month, day, hour)
        return ISO8601DateFormatter().date(from: text)!
    }
}
