public import Foundation

/// Which question a survey answer responds to.
public enum SurveyQuestion: String, Sendable, Hashable, CaseIterable {
    /// "How likely are you to recommend us?" 0–10.
    case nps
    /// "How satisfied were you?" 1–5.
    case csat
    /// The loyalty index's three questions, each 0–10.
    case wouldBuyAgain = "would_buy_again"
    case wouldTryOtherProducts = "would_try_other_products"

    /// The score range the question allows.
    public var scale: ClosedRange<Int> { self == .csat ? 1...5 : 0...10 }
}

/// A customer's answer to one survey question, optionally about one order, with an optional comment.
public struct SurveyAnswer: Hashable, Sendable {
    public var externalID: String
    public var customerExternalID: String
    public var orderExternalID: String?
    public var question: SurveyQuestion
    public var score: Int
    public var comment: String?
    public var locale: ShopLocale?
    public var answeredAt: Date

    public init(
        externalID: String, customerExternalID: String, orderExternalID: String? = nil, question: SurveyQuestion,
        score: Int, comment: String? = nil, locale: ShopLocale? = nil, answeredAt: Date
    ) {
        self.externalID = externalID
        self.customerExternalID = customerExternalID
        self.orderExternalID = orderExternalID
        self.question = question
        self.score = score
        self.comment = comment
        self.locale = locale
        self.answeredAt = answeredAt
    }
}
