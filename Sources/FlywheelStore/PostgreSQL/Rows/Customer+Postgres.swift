import FlywheelCore
import PostgresNIO

extension Customer {
    /// Selects customers; callers append a WHERE with bound values.
    static let postgresSelect = """
        SELECT external_id, email, first_name, last_name, birthday, locale, consent_email, consent_sms, \
        consent_updated_at, created_at
        FROM customers
        """

    /// Reads a row of `postgresSelect`.
    init(postgresRow row: PostgresRow) throws {
        let r = PostgresStoredRow(row, table: "customers")
        var consent: MarketingConsent?
        if let email = try r.optionalValue("consent_email", as: ConsentState.self) {
            consent = MarketingConsent(
                email: email, sms: try r.value("consent_sms"), updatedAt: try r.optionalDate("consent_updated_at"))
        }
        self.init(
            externalID: try r.string("external_id"), email: try r.optionalString("email"),
            firstName: try r.optionalString("first_name"), lastName: try r.optionalString("last_name"),
            birthday: try r.optional("birthday", as: PostgresDay.self)?.date, locale: try r.optionalValue("locale"),
            consent: consent, createdAt: try r.optionalDate("created_at"))
    }
}
