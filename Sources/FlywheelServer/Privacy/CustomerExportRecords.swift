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
    let answer: SurveyAnswer
    init(_ answer: SurveyAnswer) { self.answer = answer }

    enum CodingKeys: String, CodingKey { case id, orderID = "order_id", question, score, comment, locale, answeredAt = "answered_at" }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(answer.externalID, forKey: .id)
        try c.encodeIfPresent(answer.orderExternalID, forKey: .orderID)
        try c.encode(answer.question.rawValue, forKey: .question)
        try c.encode(answer.score, forKey: .score)
        try c.encodeIfPresent(answer.comment, forKey: .comment)
        try c.encodeIfPresent(answer.locale?.rawValue, forKey: .locale)
        try c.encode(answer.answeredAt, forKey: .answeredAt)
    }
}

struct ExportedReview: Encodable, Sendable {
    let review: Review
    init(_ review: Review) { self.review = review }

    enum CodingKeys: String, CodingKey {
        case id, orderID = "order_id", sku, rating, title, body, locale, hasPhoto = "has_photo", createdAt = "created_at"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(review.externalID, forKey: .id)
        try c.encodeIfPresent(review.orderExternalID, forKey: .orderID)
        try c.encode(review.sku, forKey: .sku)
        try c.encode(review.rating, forKey: .rating)
        try c.encodeIfPresent(review.title, forKey: .title)
        try c.encodeIfPresent(review.body, forKey: .body)
        try c.encodeIfPresent(review.locale?.rawValue, forKey: .locale)
        try c.encode(review.hasPhoto, forKey: .hasPhoto)
        try c.encode(review.createdAt, forKey: .createdAt)
    }
}

struct ExportedConsentChange: Encodable, Sendable {
    let change: ConsentChange
    init(_ change: ConsentChange) { self.change = change }

    enum CodingKeys: String, CodingKey {
        case channel, state, source, changedAt = "changed_at", requestedAt = "requested_at"
        case requestSource = "request_source", requestIP = "request_ip", confirmedAt = "confirmed_at", confirmation
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(change.channel.rawValue, forKey: .channel)
        try c.encode(change.state.rawValue, forKey: .state)
        try c.encode(change.source.rawValue, forKey: .source)
        try c.encode(change.changedAt, forKey: .changedAt)
        try c.encodeIfPresent(change.proof?.requestedAt, forKey: .requestedAt)
        try c.encodeIfPresent(change.proof?.requestSource, forKey: .requestSource)
        try c.encodeIfPresent(change.proof?.requestIP, forKey: .requestIP)
        try c.encodeIfPresent(change.proof?.confirmedAt, forKey: .confirmedAt)
        try c.encodeIfPresent(change.proof?.confirmation, forKey: .confirmation)
    }
}

struct ExportedSuppression: Encodable, Sendable {
    let entry: SuppressionEntry
    init(_ entry: SuppressionEntry) { self.entry = entry }

    enum CodingKeys: String, CodingKey { case channel, address, cause, source, suppressedAt = "suppressed_at" }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(entry.channel.rawValue, forKey: .channel)
        try c.encodeIfPresent(entry.address, forKey: .address)
        try c.encode(entry.cause.rawValue, forKey: .cause)
        try c.encode(entry.source.rawValue, forKey: .source)
        try c.encode(entry.suppressedAt, forKey: .suppressedAt)
    }
}
