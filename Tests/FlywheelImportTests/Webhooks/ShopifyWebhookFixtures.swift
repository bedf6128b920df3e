import Foundation
import FlywheelCore
@testable import FlywheelImport

/// Webhook bodies from `Tests/Fixtures/shopify/webhooks/`, and the mapper as a Berlin shop's server uses it.
enum ShopifyWebhookFixtures {
    static let mapper = ShopifyWebhookMapper(calendar: ShopCalendar(timeZone: TimeZone(identifier: "Europe/Berlin")!))

    /// A fixture's text, e.g. `text("orders_create")`.
    static func text(_ name: String) throws -> String {
        try String(contentsOfFile: TestFiles.fixture("shopify/webhooks/\(name).json"), encoding: .utf8)
    }

    /// Maps a fixture as a delivery of `topic`.
    static func map(_ topic: ShopifyWebhookTopic, _ name: String) throws -> ShopifyWebhookOutcome {
        try map(topic, json: try text(name))
    }

    /// Maps a JSON text as a delivery of `topic`.
    static func map(_ topic: ShopifyWebhookTopic, json: String) throws(ShopifyWebhookError) -> ShopifyWebhookOutcome {
        try mapper.map(topic: topic, body: Data(json.utf8), now: TestFiles.now)
    }

    /// The batch of a fixture that must be stored.
    static func batch(_ topic: ShopifyWebhookTopic, _ name: String) throws -> IngestBatch {
        guard let batch = try map(topic, name).batch else { throw FixtureProblem(message: "\(name) was ignored") }
        return batch
    }

    /// A fixture with each `(old, new)` replaced; each `old` must occur exactly once.
    static func edited(_ name: String, _ replacements: [(String, String)]) throws -> String {
        var text = try text(name)
        for (old, new) in replacements {
            let parts = text.components(separatedBy: old)
            guard parts.count == 2 else {
                throw FixtureProblem(message: "\(old) occurs \(parts.count - 1) times in \(name)")
            }
            text = parts.joined(separator: new)
        }
        return text
    }

    /// An ISO 8601 time with offset, read by Foundation (independently of the code under test).
    static func instant(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text)!
    }

    struct FixtureProblem: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
