/// The SQL of one upserted table, built once from its column names (identifiers only: values are bound).
///
/// Parameters are numbered so one binding serves both statements: columns are `?1 … ?n`, the content hash
/// `?(n+1)`, and the row id of an update `?(n+2)`.
struct UpsertTable: Sendable {
    let name: String
    /// The external key column the lookup uses (UNIQUE in the schema).
    let key: String
    /// The columns written, in binding order, without `id` and `content_hash`.
    let columns: [String]

    var hashParameter: Int32 { Int32(columns.count + 1) }
    var idParameter: Int32 { Int32(columns.count + 2) }

    var lookupSQL: String { "SELECT id, content_hash FROM \(name) WHERE \(key) = ?1" }

    /// Looks up many keys at once: `?1` is a JSON array of keys (see `JSONArrayText`).
    var prefetchSQL: String {
        "SELECT \(key), id, content_hash FROM \(name) WHERE \(key) IN (SELECT value FROM json_each(?1))"
    }

    var insertSQL: String {
        let names = (columns + ["content_hash"]).joined(separator: ", ")
        let values = (1...columns.count + 1).map { "?\($0)" }.joined(separator: ", ")
        return "INSERT INTO \(name) (\(names)) VALUES (\(values))"
    }

    /// The columns of a row inserted with its id chosen by the caller (`ChunkedUpsert`): the same parameter
    /// layout as `updateSQL`.
    var columnsWithID: [String] { columns + ["content_hash", "id"] }

    var updateSQL: String {
        let assignments = (columns + ["content_hash"]).enumerated().map { "\($1) = ?\($0 + 1)" }
        return "UPDATE \(name) SET \(assignments.joined(separator: ", ")) WHERE id = ?\(idParameter)"
    }
}

extension UpsertTable {
    /// The stored `(id, content_hash)` of each of `keys` that is stored, looked up with `statement`, a
    /// prepared `prefetchSQL`, in one execution.
    func fetch(_ keys: some Collection<String>, with statement: FastStatement) throws
        -> [String: (id: Int64, hash: Int64)]
    {
        var found: [String: (id: Int64, hash: Int64)] = [:]
        guard !keys.isEmpty else { return found }
        found.reserveCapacity(keys.count)
        statement.reset()
        defer { statement.reset() }
        try statement.bind(1, JSONArrayText.of(keys))
        while try statement.step() { found[statement.text(0)] = (statement.int64(1), statement.int64(2)) }
        return found
    }
}

extension UpsertTable {
    static let customers = UpsertTable(
        name: "customers", key: "external_id",
        columns: [
            "external_id", "email", "first_name", "last_name", "birthday", "locale", "consent_email", "consent_sms",
            "consent_updated_at", "created_at",
        ])

    static let products = UpsertTable(
        name: "products", key: "sku",
        columns: ["sku", "title", "category", "vendor", "price_minor", "price_currency", "reorder_cycle_days"])

    static let orders = UpsertTable(
        name: "orders", key: "external_id",
        columns: [
            "external_id", "customer_id", "placed_at", "channel", "source", "currency", "subtotal_minor",
            "shipping_minor", "tax_minor", "taxes_included", "total_minor", "financial_status", "cancelled_at",
        ])

    static let refunds = UpsertTable(
        name: "refunds", key: "external_id",
        columns: ["external_id", "order_id", "created_at", "amount_minor", "currency", "reason"])

    static let shipments = UpsertTable(
        name: "shipments", key: "external_id",
        columns: [
            "external_id", "order_id", "supplier", "carrier", "tracking_number", "shipped_at", "promised_by",
            "delivered_at",
        ])

    static let returns = UpsertTable(
        name: "returns", key: "external_id",
        columns: ["external_id", "order_id", "requested_at", "reason", "status", "quantity", "sku"])

    static let surveyAnswers = UpsertTable(
        name: "survey_answers", key: "external_id",
        columns: [
            "external_id", "customer_id", "order_id", "question", "score", "comment", "locale", "answered_at",
        ])

    static let reviews = UpsertTable(
        name: "reviews", key: "external_id",
        columns: [
            "external_id", "customer_id", "order_id", "sku", "rating", "title", "body", "locale", "has_photo",
            "created_at",
        ])

    static let checkouts = UpsertTable(
        name: "checkouts", key: "external_id",
        columns: [
            "external_id", "customer_external_id", "email", "created_at", "updated_at", "currency", "total_minor",
            "lines", "recovery_url", "completed_at", "order_external_id",
        ])
}
