/// The fifteenth schema step: erasure reaches the loyalty ledger (docs/consent.md, "The ledger and erasure").
///
/// The ledger stays append-only, with one exception the schema names: an erasure renames the erased
/// customer's id to their pseudonym. `loyalty_erasures` records each such erasure (the pseudonym and the time;
/// nothing about the person), and the `UPDATE` triggers of sources, lots and entries now let a row through only
/// when every amount, time, number and kind is unchanged and each changed name is a recorded pseudonym: the
/// `customer`, a referral key's first part (`<pseudonym>:referrer`, `<pseudonym>:friend`) or a sign-up's
/// `reference`. `DELETE` stays refused. A customer's own rows are found by the primary keys (they start with
/// `customer`); the index on `(kind, key)` finds the referral sources in other customers' ledgers that name the
/// erased customer (and serves `ledgerSources(kind:key:)`).
enum LedgerErasureSchemaV15 {
    static let name = "v15 ledger erasure"

    /// The test a trigger's `WHEN NOT (…)` applies: only names change, and only into recorded pseudonyms.
    private static func renamed(_ column: String, prefix: Bool = false) -> String {
        let value = prefix ? "substr(NEW.\(column), 1, instr(NEW.\(column), ':') - 1)" : "NEW.\(column)"
        return "(NEW.\(column) IS OLD.\(column) OR \(value) IN (SELECT pseudonym FROM loyalty_erasures))"
    }

    private static func unchanged(_ columns: [String]) -> String {
        columns.map { "NEW.\($0) IS OLD.\($0)" }.joined(separator: " AND ")
    }

    /// Per table: the columns that must never change, and the names an erasure may rename.
    private static let tables: [(table: String, fixed: [String], names: [String])] = [
        (
            "loyalty_sources",
            ["sequence", "kind", "at", "releases_lot", "refunded_minor", "accounted_points", "shortfall_points"],
            [renamed("customer"), renamed("key", prefix: true), renamed("reference")]
        ),
        (
            "loyalty_lots",
            ["number", "source_kind", "earned_at", "expires_at", "earned", "pending", "order_amount_minor", "order_currency"],
            [renamed("customer"), renamed("source_key", prefix: true)]
        ),
        (
            "loyalty_entries",
            ["sequence", "debit", "credit", "points", "source_kind", "reason", "at", "lot", "admin"],
            [renamed("customer"), renamed("source_key", prefix: true)]
        ),
    ]

    static let statements: [String] =
        [
            """
            CREATE TABLE loyalty_erasures (
                pseudonym TEXT PRIMARY KEY CHECK (instr(pseudonym, ':') = 0 AND length(pseudonym) > 0),
                erased_at INTEGER NOT NULL
            ) STRICT, WITHOUT ROWID
            """,
            "CREATE INDEX loyalty_sources_by_kind_key ON loyalty_sources (kind, key)",
        ]
        + tables.flatMap { table, fixed, names in
            [
                "DROP TRIGGER \(table)_append_only_update",
                """
                CREATE TRIGGER \(table)_append_only_update BEFORE UPDATE ON \(table)
                WHEN NOT (\(unchanged(fixed)) AND \(names.joined(separator: " AND ")))
                BEGIN SELECT RAISE(ABORT, '\(table) is append-only (an erasure may only rename the customer)'); END
                """,
            ]
        }
}
