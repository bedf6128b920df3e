import FlywheelCore
import Foundation

/// `IngestCounts` as the JSON text of `import_runs.counts`:
/// `{"customers":{"created":1,"unchanged":0,"updated":2},"orders":{…},…}`. A kind missing from the text
/// (written before that kind existed) reads as zeros.
struct IngestCountsJSON: Codable {
    private struct Tally: Codable {
        var created: Int
        var updated: Int
        var unchanged: Int
    }

    private enum Kind: String, CaseIterable, CodingKey {
        case customers, products, orders, refunds, shipments, returns
        case marketingSpend = "marketing_spend"
        case surveyAnswers = "survey_answers"
        case reviews
        case checkouts

        var keyPath: WritableKeyPath<IngestCounts, UpsertTally> {
            switch self {
            case .customers: \.customers
            case .products: \.products
            case .orders: \.orders
            case .refunds: \.refunds
            case .shipments: \.shipments
            case .returns: \.returns
            case .marketingSpend: \.marketingSpend
            case .surveyAnswers: \.surveyAnswers
            case .reviews: \.reviews
            case .checkouts: \.checkouts
            }
        }
    }

    var counts: IngestCounts

    init(_ counts: IngestCounts) { self.counts = counts }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Kind.self)
        counts = IngestCounts()
        for kind in Kind.allCases {
            if let tally = try container.decodeIfPresent(Tally.self, forKey: kind) {
                counts[keyPath: kind.keyPath] = UpsertTally(
                    created: tally.created, updated: tally.updated, unchanged: tally.unchanged)
            }
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Kind.self)
        for kind in Kind.allCases {
            let tally = counts[keyPath: kind.keyPath]
            try container.encode(
                Tally(created: tally.created, updated: tally.updated, unchanged: tally.unchanged), forKey: kind)
        }
    }

    static func text(_ counts: IngestCounts) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(IngestCountsJSON(counts)), as: UTF8.self)
    }

    static func counts(_ text: String) throws -> IngestCounts {
        try JSONDecoder().decode(IngestCountsJSON.self, from: Data(text.utf8)).counts
    }
}
