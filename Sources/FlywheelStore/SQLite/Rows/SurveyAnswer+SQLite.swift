import FlywheelCore
import GRDB

extension SurveyAnswer {
    /// Selects answers with their customer's and order's external ids; callers append a WHERE/ORDER BY.
    static let sqliteSelect = """
        SELECT a.external_id, c.external_id AS customer_external_id, o.external_id AS order_external_id, a.question, \
        a.score, a.comment, a.locale, a.answered_at
        FROM survey_answers a JOIN customers c ON c.id = a.customer_id LEFT JOIN orders o ON o.id = a.order_id
        """

    /// Reads a row of `sqliteSelect`.
    init(sqliteRow row: Row) throws {
        let r = StoredRow(row, table: "survey_answers")
        self.init(
            externalID: try r.string("external_id"), customerExternalID: try r.string("customer_external_id"),
            orderExternalID: r.optionalString("order_external_id"), question: try r.value("question"),
            score: try r.int("score"), comment: r.optionalString("comment"), locale: try r.optionalValue("locale"),
            answeredAt: try r.date("answered_at"))
    }

    /// Binds the columns of `UpsertTable.surveyAnswers`, with the row ids of the customer and order.
    func bindSQLiteColumns(to statement: FastStatement, customerID: Int64, orderID: Int64?) throws {
        try statement.bind(1, externalID)
        try statement.bind(2, customerID)
        try statement.bind(3, orderID)
        try statement.bind(4, question.rawValue)
        try statement.bind(5, score)
        try statement.bind(6, comment)
        try statement.bind(7, locale?.rawValue)
        try statement.bind(8, EpochMilliseconds.from(answeredAt))
    }
}
