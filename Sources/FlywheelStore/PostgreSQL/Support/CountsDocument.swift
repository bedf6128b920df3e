import FlywheelCore
import Foundation

/// `IngestCounts` as the JSON of `import_runs.counts` (a `JSONB` column), the same document the SQLite
/// engine stores: `{"customers":{"created":1,"unchanged":0,"updated":2},"orders":{…},…}`. A kind missing
/// from a document (written before that kind existed) reads as zeros.
enum CountsDocument {
    private typealias Tally = [String: Int]

    private static var kinds: [(name: String, keyPath: WritableKeyPath<IngestCounts, UpsertTally>)] {
        [
            ("customers", \.customers), ("products", \.products), ("orders", \.orders), ("refunds", \.refunds),
            ("shipments", \.shipments), ("returns", \.returns), ("marketing_spend", \.marketingSpend),
            ("survey_answers", \.surveyAnswers), ("reviews", \.reviews),
            ("checkouts", \.checkouts),
        ]
    }

    /// The JSON text of `counts`, keys sorted.
    static func text(_ counts: IngestCounts) throws -> String {
        var document: [String: Tally] = [:]
        for kind in kinds {
            let tally = counts[keyPath: kind.keyPath]
            document[kind.name] = ["created": tally.created, "updated": tally.updated, "unchanged": tally.unchanged]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(document), as: UTF8.self)
    }

    /// The counts of a stored document; `nil` when it is not one.
    static func counts(_ text: String) -> IngestCounts? {
        guard let document = try? JSONDecoder().decode([String: Tally].self, from: Data(text.utf8)) else {
            return nil
        }
        var counts = IngestCounts()
        for kind in kinds {
            guard let tally = document[kind.name] else { continue }
            guard let created = tally["created"], let updated = tally["updated"], let unchanged = tally["unchanged"]
            else { return nil }
            counts[keyPath: kind.keyPath] = UpsertTally(created: created, updated: updated, unchanged: unchanged)
        }
        return counts
    }
}
