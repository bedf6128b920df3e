/// The twelfth schema step on PostgreSQL: customer tags, support tickets and issued coupons (as
/// `FlowEffectsSchemaV12` on SQLite).
enum PostgresFlowEffectsSchemaV12 {
    static let name = "v12 flow effects"

    static let statements: [String] = [
        """
        CREATE TABLE customer_tags (
            customer_id TEXT COLLATE "C" NOT NULL,
            tag TEXT COLLATE "C" NOT NULL,
            tagged_at TIMESTAMPTZ NOT NULL,
            source TEXT NOT NULL,
            PRIMARY KEY (customer_id, tag)
        )
        """,
        """
        CREATE TABLE support_tickets (
            sequence BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            id TEXT COLLATE "C" NOT NULL UNIQUE,
            key TEXT COLLATE "C" NOT NULL UNIQUE,
            customer_id TEXT COLLATE "C" NOT NULL,
            topic TEXT NOT NULL,
            priority TEXT NOT NULL CHECK (priority IN ('low', 'normal', 'high')),
            status TEXT NOT NULL CHECK (status IN ('open', 'solved')),
            order_id TEXT,
            flow_id TEXT,
            opened_at TIMESTAMPTZ NOT NULL
        )
        """,
        "CREATE INDEX support_tickets_by_customer ON support_tickets (customer_id)",
        """
        CREATE TABLE issued_coupons (
            sequence BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            code TEXT COLLATE "C" NOT NULL UNIQUE,
            key TEXT COLLATE "C" NOT NULL UNIQUE,
            customer_id TEXT COLLATE "C" NOT NULL,
            percent_off INTEGER CHECK (percent_off BETWEEN 1 AND 100),
            amount_off_minor BIGINT CHECK (amount_off_minor > 0),
            currency TEXT,
            issued_at TIMESTAMPTZ NOT NULL,
            expires_at TIMESTAMPTZ NOT NULL,
            flow_id TEXT,
            enrolment_id TEXT,
            CHECK ((percent_off IS NULL) <> (amount_off_minor IS NULL)),
            CHECK ((amount_off_minor IS NULL) = (currency IS NULL))
        )
        """,
        "CREATE INDEX issued_coupons_by_customer ON issued_coupons (customer_id)",
    ]
}
