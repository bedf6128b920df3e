import FlywheelCore
import PostgresNIO

/// Survey answers of a batch as columns: one statement upserts them all by external id.
struct SurveyAnswerColumns {
    private var externalID: [String] = []
    private var customerID: [Int64] = []
    private var orderID = NullableArray<Int64>()
    private var question: [String] = []
    private var score: [Int] = []
    private var comment = NullableArray<String>()
    private var locale = NullableArray<String>()
    private var answeredAt: [PostgresTimestamp] = []
    private var contentHash: [Int64] = []

    var isEmpty: Bool { externalID.isEmpty }

    mutating func append(_ answer: SurveyAnswer, customerID: Int64, orderID: Int64?, hash: Int64) {
        externalID.append(answer.externalID)
        self.customerID.append(customerID)
        self.orderID.append(orderID)
        question.append(answer.question.rawValue)
        score.append(answer.score)
        comment.append(answer.comment)
        locale.append(answer.locale?.rawValue)
        answeredAt.append(PostgresTimestamp(answer.answeredAt))
        contentHash.append(hash)
    }

    var upsert: PostgresQuery {
        """
        INSERT INTO survey_answers (external_id, customer_id, order_id, question, score, comment, locale, \
        answered_at, content_hash)
        SELECT * FROM unnest(\(externalID)::text[], \(customerID)::bigint[], \(orderID)::bigint[], \
        \(question)::text[], \(score)::integer[], \(comment)::text[], \(locale)::text[], \
        \(answeredAt)::timestamptz[], \(contentHash)::bigint[])
        ON CONFLICT (external_id) DO UPDATE SET customer_id = excluded.customer_id, order_id = excluded.order_id, \
        question = excluded.question, score = excluded.score, comment = excluded.comment, locale = excluded.locale, \
        answered_at = excluded.answered_at, content_hash = excluded.content_hash
        """
    }
}
