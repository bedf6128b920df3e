import FlywheelCore
import Foundation

/// An order in the export, with what belongs to it.
struct ExportedOrder: Encodable, Sendable {
    let order: Components.Schemas.Order
    let refunds: [Components.Schemas.Refund]
    let shipments: [Components.Schemas.Shipment]
    let returns: [Components.Schemas.Return]
}

struct ExportedSurveyAnswer: Encodable, Sendable {
    let id: String, orderID: String?, question: String, score: Int, comment: String?, locale: String?, answeredAt: Date
    init(_ answer: SurveyAnswer) {
        (id, orderID, question, score) = (answer.externalID, answer.orderExternalID, answer.question.rawValue, answer.score)
        (comment, locale, answeredAt) = (answer.comment, answer.locale?.rawValue, answer.answeredAt)
    }
    enum CodingKeys: String, CodingKey {
        case id, orderID = "order_id", question, score, comment, locale, answeredAt = "answered_at"
    }
}

struct ExportedReview: Encodable, Sendable {
    let id: String, orderID: String?, sku: String, rating: Int, title: String?, body: String?, locale: String?
    let hasPhoto: Bool, createdAt: Date
    init(_ review: Review) {
        (id, orderID, sku, rating) = (review.externalID, review.orderExternalID, review.sku, review.rating)
        (title, body, locale, hasPhoto, createdAt) = (review.title, review.body, review.locale?.rawValue, review.hasPhoto, review.createdAt)
    }
    enum CodingKeys: String, CodingKey {
        case id, orderID = "order_id", sku, rating, title, body, locale, hasPhoto = "has_photo", createdAt = "created_at"
    }
}

struct ExportedConsentChange: Encodable, Sendable {
    let channel: String, state: String, source: String, changedAt: Date
    let requestedAt: Date?, requestSource: String?, requestIP: String?, confirmedAt: Date?, confirmation: String?
    init(_ change: ConsentChange) {
        (channel, state, source, changedAt) = (change.channel.rawValue, change.state.rawValue, change.source.rawValue, change.changedAt)
        let proof = change.proof
        (requestedAt, requestSource, requestIP) = (proof?.requestedAt, proof?.requestSource, proof?.requestIP)
        (confirmedAt, confirmation) = (proof?.confirmedAt, proof?.confirmation)
    }
    enum CodingKeys: String, CodingKey {
        case channel, state, source, changedAt = "changed_at", requestedAt = "requested_at"
        case requestSource = "request_source", requestIP = "request_ip", confirmedAt = "confirmed_at", confirmation
    }
}

struct ExportedSuppression: Encodable, Sendable {
    let channel: String, address: String?, cause: String, source: String, suppressedAt: Date
    init(_ entry: SuppressionEntry) {
        (channel, address, cause) = (entry.channel.rawValue, entry.address, entry.cause.rawValue)
        (source, suppressedAt) = (entry.source.rawValue, entry.suppressedAt)
    }
    enum CodingKeys: String, CodingKey { case channel, address, cause, source, suppressedAt = "suppressed_at" }
}
