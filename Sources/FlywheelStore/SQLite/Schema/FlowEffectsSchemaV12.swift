/// The twelfth schema step: what flows do besides messages — customer tags, support tickets and issued
/// coupons (docs/storage.md, "Flow effects").
///
/// `customer_id` is the customer's external id without a foreign key, as in the flow schedule (v5). Each
/// table's unique keys make a repeated flow step store nothing more: (customer, tag); a ticket's and a
/// coupon's effect key; a coupon's code. `sequence` keeps the order of storing.
enum FlowEffectsSchemaV12 {
    static let name = "v12 flow effects"

    static let statements: [String] = [
        """
        CREATE TABLE customer_tags (
            customer_id TEXT NOT NULL,
            tag TEXT NOT NULL,
            tagged_at INTEGER NOT NULL,
            source TEXT NOT NULL,
            PRIMARY KEY (customer_id, tag)
        ) STRICT, WITHOUT ROWID
        """,
        """
        CREATE TABLE support_tickets (
            sequence INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            key TEXT NOT NULL UNIQUE,
            customer_id TEXT NOT NULL,
            topic TEXT NOT NULL,
            priority TEXT NOT NULL CHECK (priority IN ('low', 'normal', 'high')),
            status TEXT NOT NULL CHECK (status IN ('open', 'solved')),
            order_id TEXT,
            flow_id TEXT,
            opened_at INTEGER NOT NULL
        ) STRICT
        """,
        "CREATE INDEX support_tickets_by_customer ON support_tickets (customer_id)",
        """
        CREATE TABLE issued_coupons (
            sequence INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            key TEXT NOT NULL UNIQUE,
            customer_id TEXT NOT NULL,
            percent_off INTEGER CHECK (percent_off BETWEEN 1 AND 100),
            amount_off_minor INTEGER CHECK (amount_off_minor > 0),
            currency TEXT,
            issued_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL,
            flow_id TEXT,
            enrolment_id TEXT,
            CHECK ((percent_off IS NULL) <> (amount_off_minor IS NULL)),
            CHECK ((amount_off_minor IS NULL) = (currency IS NULL))
        ) STRICT
        """,
        "CREATE INDEX issued_coupons_by_customer ON issued_coupons (customer_id)",
    ]
}
