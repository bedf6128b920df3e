import FlywheelCore
import PostgresNIO

extension SurveyAnswer {
    /// Selects answers with their customer's and order's external ids; callers append a WHERE/ORDER BY on `a`.
    static let postgresSelect = """
        SELECT a.external_id, c.external_id AS customer_external_id, o.external_id AS order_external_id, \
        a.question, a.score, a.comment, a.locale, a.answered_at
        FROM survey_answers a JOIN customers c ON c.id = a.customer_id LEFT JOIN orders o ON o.id = a.order_id
        """

    /// Reads a row of `postgresSelect`.
    init(postgresRow row: PostgresRow) throws {
        let r = PostgresStoredRow(row, table: "survey_answers")
        self.init(
            externalID: try r.string("external_id"), customerExternalID: try r.string("customer_external_id"),
            orderExternalID: try r.optionalString("order_external_id"), question: try r.value("question"),
            score: try r.int("score"), comment: try r.optionalString("comment"),
            locale: try r.optionalValue("locale"), answeredAt: try r.date("answered_at"))
    }
}
