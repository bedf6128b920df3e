import FlywheelCore
import GRDB

extension Customer {
    /// Selects customers; callers append a WHERE with bound values.
    static let sqliteSelect = """
        SELECT external_id, email, first_name, last_name, birthday, locale, consent_email, consent_sms, \
        consent_updated_at, created_at
        FROM customers
        """

    /// Reads a row of `sqliteSelect`.
    init(sqliteRow row: Row) throws {
        let r = StoredRow(row, table: "customers")
        var birthday: CivilDate?
        if let text = r.optionalString("birthday") {
            guard let date = CivilDate(iso: Substring(text)) else { throw r.unreadable("birthday") }
            birthday = date
        }
        var consent: MarketingConsent?
        if let email = try r.optionalValue("consent_email", as: ConsentState.self) {
            consent = MarketingConsent(
                email: email, sms: try r.value("consent_sms"), updatedAt: r.optionalDate("consent_updated_at"))
        }
        self.init(
            externalID: try r.string("external_id"), email: r.optionalString("email"),
            firstName: r.optionalString("first_name"), lastName: r.optionalString("last_name"), birthday: birthday,
            locale: try r.optionalValue("locale"), consent: consent, createdAt: r.optionalDate("created_at"))
    }

    /// Binds the columns of `UpsertTable.customers`, from parameter `first` on.
    func bindSQLiteColumns(to statement: FastStatement, from first: Int32 = 1) throws {
        try statement.bind(first, externalID)
        try statement.bind(first + 1, email)
        try statement.bind(first + 2, firstName)
        try statement.bind(first + 3, lastName)
        try statement.bind(first + 4, birthday?.description)
        try statement.bind(first + 5, locale?.rawValue)
        try statement.bind(first + 6, consent?.email.rawValue)
        try statement.bind(first + 7, consent?.sms.rawValue)
        try statement.bind(first + 8, consent?.updatedAt.map(EpochMilliseconds.from))
        try statement.bind(first + 9, createdAt.map(EpochMilliseconds.from))
    }

    /// True when the record knows nothing but its id and creation time, as the customer an order implies:
    /// merging it can only move `createdAt` earlier.
    var isBare: Bool {
        email == nil && firstName == nil && lastName == nil && birthday == nil && locale == nil && consent == nil
    }
}
