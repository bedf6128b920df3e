import FlywheelCore
import PostgresNIO

/// Customers of a batch as columns, each bound as one array: one statement inserts (or updates) them all.
struct CustomerColumns {
    private var id: [Int64] = []
    private var externalID: [String] = []
    private var email = NullableArray<String>()
    private var firstName = NullableArray<String>()
    private var lastName = NullableArray<String>()
    private var birthday = NullableArray<PostgresDay>()
    private var locale = NullableArray<String>()
    private var consentEmail = NullableArray<String>()
    private var consentSMS = NullableArray<String>()
    private var consentUpdatedAt = NullableArray<PostgresTimestamp>()
    private var createdAt = NullableArray<PostgresTimestamp>()
    private var contentHash: [Int64] = []

    var isEmpty: Bool { id.isEmpty }

    mutating func append(_ customer: Customer, id: Int64, hash: Int64) {
        self.id.append(id)
        externalID.append(customer.externalID)
        email.append(customer.email)
        firstName.append(customer.firstName)
        lastName.append(customer.lastName)
        birthday.append(customer.birthday.map(PostgresDay.init))
        locale.append(customer.locale?.rawValue)
        consentEmail.append(customer.consent?.email.rawValue)
        consentSMS.append(customer.consent?.sms.rawValue)
        consentUpdatedAt.append(customer.consent?.updatedAt.map(PostgresTimestamp.init))
        createdAt.append(customer.createdAt.map(PostgresTimestamp.init))
        contentHash.append(hash)
    }

    private var rows: PostgresQuery {
        """
        unnest(\(id)::bigint[], \(externalID)::text[], \(email)::text[], \(firstName)::text[], \
        \(lastName)::text[], \(birthday)::date[], \(locale)::text[], \(consentEmail)::text[], \(consentSMS)::text[], \
        \(consentUpdatedAt)::timestamptz[], \(createdAt)::timestamptz[], \(contentHash)::bigint[])
        """
    }

    /// Inserts the rows under the ids given.
    var insert: PostgresQuery {
        let rows = self.rows
        return PostgresQuery(
            unsafeSQL: """
                INSERT INTO customers (id, external_id, email, first_name, last_name, birthday, locale, \
                consent_email, consent_sms, consent_updated_at, created_at, content_hash)
                SELECT * FROM \(rows.sql)
                """, binds: rows.binds)
    }

    /// Rewrites the stored rows of the ids given.
    var update: PostgresQuery {
        let rows = self.rows
        return PostgresQuery(
            unsafeSQL: """
                UPDATE customers AS c SET email = u.email, first_name = u.first_name, last_name = u.last_name, \
                birthday = u.birthday, locale = u.locale, consent_email = u.consent_email, \
                consent_sms = u.consent_sms, consent_updated_at = u.consent_updated_at, created_at = u.created_at, \
                content_hash = u.content_hash
                FROM \(rows.sql) AS u(id, external_id, email, first_name, last_name, birthday, locale, \
                consent_email, consent_sms, consent_updated_at, created_at, content_hash)
                WHERE c.id = u.id
                """, binds: rows.binds)
    }
}
