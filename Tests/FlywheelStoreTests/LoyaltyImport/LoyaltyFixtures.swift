import FlywheelCore
import FlywheelImport
import FlywheelStore
import Foundation

/// The loyalty export fixtures (`Tests/Fixtures/loyalty/`) and a fresh SQLite store.
enum LoyaltyFixtures {
    static func path(_ relative: String, file: String = #filePath) -> String {
        URL(fileURLWithPath: file).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/loyalty").appendingPathComponent(relative).path
    }

    static let utc = ShopCalendar(timeZone: TimeZone(identifier: "UTC")!)
    static let berlin = ShopCalendar(timeZone: TimeZone(identifier: "Europe/Berlin")!)
    /// The import's time: 24 November 2026, 06:00 UTC.
    static let now = Date(timeIntervalSince1970: 1_795_500_000)

    static func instant(_ text: String) -> Date {
        guard let parsed = TimestampText.parse(text[...]) else { fatalError("bad instant \(text)") }
        return utc.instant(of: parsed)
    }

    static func store(in directory: TemporaryDirectory, _ name: String = "flywheel.sqlite") async throws -> SQLiteStore {
        let store = try SQLiteStore(path: directory.path(name))
        try await store.migrate()
        return store
    }

    static func options(
        tierMap: [String: String] = [:], tierUntil: Date? = nil, calendar: ShopCalendar = utc, dryRun: Bool = false
    ) -> LoyaltyImportOptions {
        LoyaltyImportOptions(tierMap: tierMap, tierUntil: tierUntil, now: now, calendar: calendar, dryRun: dryRun)
    }
}
