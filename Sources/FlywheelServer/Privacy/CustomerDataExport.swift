public import FlywheelCore
public import Foundation

/// Everything stored about one customer as one JSON document (GDPR Art. 15 access and Art. 20 portability):
/// `format`, `customer_id`, `exported_at`, then one member per section. Served by
/// `GET /api/v1/customers/{id}/export` and `flywheel customer export`.
public struct CustomerDataExport: Sendable {
    /// The document's format and version.
    public static let format = "flywheel-customer-export/1"

    public let sections: [CustomerExportSection]

    public init(sections: [CustomerExportSection] = CustomerDataExport.standardSections) {
        self.sections = sections
    }

    /// The document for a customer, or `nil` when no customer has this id.
    public func document(customerID: String, store: any FlywheelStore, now: Date) async throws -> Data? {
        guard let customer = try await store.customer(externalID: customerID) else { return nil }
        var members: [String: AnyEncodable] = [
            "format": AnyEncodable(Self.format), "customer_id": AnyEncodable(customerID),
            "exported_at": AnyEncodable(now),
        ]
        for section in sections {
            if let value = try await section.collect(customer, store) { members[section.name] = AnyEncodable(value) }
        }
        return try Self.encoder.encode(members)
    }

    /// Sorted keys, pretty-printed, RFC 3339 times in UTC (milliseconds when the instant has them).
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(try RFC3339DateTranscoder().encode(date))
        }
        return encoder
    }

    /// What Flywheel stores today: the profile, orders with their lines, refunds, shipments and returns, survey
    /// answers, reviews, the consent history with its proof and the suppression entries of the customer's address,
    /// and the flows' data (`flowSections`).
    public static var standardSections: [CustomerExportSection] {
        [
            CustomerExportSection("customer") { customer, _ in customer.api },
            CustomerExportSection("orders") { customer, store in
                var orders: [ExportedOrder] = []
                for order in try await store.orders(customerExternalID: customer.externalID) {
                    orders.append(
                        ExportedOrder(
                            order: order.api, refunds: try await store.refunds(orderExternalID: order.externalID).map(\.api),
                            shipments: try await store.shipments(orderExternalID: order.externalID).map(\.api),
                            returns: try await store.returns(orderExternalID: order.externalID).map(\.api)))
                }
                return orders
            },
            CustomerExportSection("survey_answers") { customer, store in
                try await store.surveyAnswers(customerExternalID: customer.externalID).map(ExportedSurveyAnswer.init)
            },
            CustomerExportSection("reviews") { customer, store in
                try await store.reviews(customerExternalID: customer.externalID).map(ExportedReview.init)
            },
            CustomerExportSection("consent_history") { customer, store in
                try await store.consentHistory(customerExternalID: customer.externalID).map(ExportedConsentChange.init)
            },
            CustomerExportSection("suppressions") { customer, store in
                guard let email = customer.email else { return [ExportedSuppression]() }
                let entry = try await store.suppression(channel: .email, addressHash: AddressDigest.of(email, channel: .email))
                return entry.map { [ExportedSuppression($0)] } ?? []
            },
        ] + flowSections
    }
}

/// Wraps any encodable value (the sections' values differ in type).
struct AnyEncodable: Encodable, Sendable {
    private let value: any Encodable & Sendable
    init(_ value: any Encodable & Sendable) { self.value = value }
    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}
