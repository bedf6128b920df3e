/// The first schema: every table of the store contract.
///
/// Conventions (see docs/storage.md):
/// - instants are INTEGER milliseconds since the Unix epoch, UTC (`*_at`, `promised_by`);
/// - money is INTEGER minor units (`*_minor`) next to a TEXT ISO 4217 `currency`; order lines and discounts
///   are in their order's currency;
/// - every upserted record has a UNIQUE external key and `content_hash`, the domain's `contentHash`, so an
///   identical re-import is recognised with one indexed lookup and no write;
/// - records refer to each other by INTEGER row id under a foreign key, never by external id text.
///
/// Closed sets (financial status, consent states, …) are not CHECKed: the domain's enums grow, and SQLite
/// cannot change a CHECK without rebuilding the table. Reading an unknown value fails loudly instead.
enum CoreSchemaV1 {
    static let name = "v1 core schema"

    static let statements: [String] = [
        """
        CREATE TABLE shop_settings (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            name TEXT NOT NULL,
            currency TEXT NOT NULL CHECK (length(currency) = 3),
            time_zone TEXT NOT NULL,
            default_locale TEXT NOT NULL
        ) STRICT
        """,
        """
        CREATE TABLE customers (
            id INTEGER PRIMARY KEY,
            external_id TEXT NOT NULL UNIQUE,
            email TEXT,
            first_name TEXT,
            last_name TEXT,
            birthday TEXT CHECK (birthday GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            locale TEXT,
            consent_email TEXT,
            consent_sms TEXT,
            consent_updated_at INTEGER,
            created_at INTEGER,
            content_hash INTEGER NOT NULL,
            CHECK ((consent_email IS NULL) = (consent_sms IS NULL)),
            CHECK (consent_updated_at IS NULL OR consent_email IS NOT NULL)
        ) STRICT
        """,
        """
        CREATE TABLE products (
            id INTEGER PRIMARY KEY,
            sku TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            category TEXT,
            vendor TEXT,
            price_minor INTEGER,
            price_currency TEXT CHECK (length(price_currency) = 3),
            reorder_cycle_days INTEGER,
            content_hash INTEGER NOT NULL,
            CHECK ((price_minor IS NULL) = (price_currency IS NULL))
        ) STRICT
        """,
        """
        CREATE TABLE orders (
            id INTEGER PRIMARY KEY,
            external_id TEXT NOT NULL UNIQUE,
            customer_id INTEGER REFERENCES customers(id),
            placed_at INTEGER NOT NULL,
            channel TEXT,
            source TEXT,
            currency TEXT NOT NULL CHECK (length(currency) = 3),
            subtotal_minor INTEGER NOT NULL,
            shipping_minor INTEGER NOT NULL,
            tax_minor INTEGER NOT NULL,
            taxes_included INTEGER NOT NULL CHECK (taxes_included IN (0, 1)),
            total_minor INTEGER NOT NULL,
            financial_status TEXT NOT NULL,
            cancelled_at INTEGER,
            content_hash INTEGER NOT NULL
        ) STRICT
        """,
        "CREATE INDEX orders_by_customer ON orders(customer_id, placed_at)",
        """
        CREATE TABLE order_lines (
            order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            sku TEXT,
            title TEXT,
            quantity INTEGER NOT NULL,
            total_minor INTEGER NOT NULL,
            category TEXT,
            vendor TEXT,
            PRIMARY KEY (order_id, position)
        ) STRICT, WITHOUT ROWID
        """,
        """
        CREATE TABLE order_discounts (
            order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            code TEXT NOT NULL,
            amount_minor INTEGER NOT NULL,
            PRIMARY KEY (order_id, position)
        ) STRICT, WITHOUT ROWID
        """,
        """
        CREATE TABLE refunds (
            id INTEGER PRIMARY KEY,
            external_id TEXT NOT NULL UNIQUE,
            order_id INTEGER NOT NULL REFERENCES orders(id),
            created_at INTEGER NOT NULL,
            amount_minor INTEGER NOT NULL,
            currency TEXT NOT NULL CHECK (length(currency) = 3),
            reason TEXT,
            content_hash INTEGER NOT NULL
        ) STRICT
        """,
        "CREATE INDEX refunds_by_order ON refunds(order_id, created_at)",
        """
        CREATE TABLE shipments (
            id INTEGER PRIMARY KEY,
            external_id TEXT NOT NULL UNIQUE,
            order_id INTEGER NOT NULL REFERENCES orders(id),
            supplier TEXT,
            carrier TEXT,
            tracking_number TEXT,
            shipped_at INTEGER,
            promised_by INTEGER,
            delivered_at INTEGER,
            content_hash INTEGER NOT NULL
        ) STRICT
        """,
        "CREATE INDEX shipments_by_order ON shipments(order_id)",
        """
        CREATE TABLE returns (
            id INTEGER PRIMARY KEY,
            external_id TEXT NOT NULL UNIQUE,
            order_id INTEGER NOT NULL REFERENCES orders(id),
            requested_at INTEGER NOT NULL,
            reason TEXT,
            status TEXT NOT NULL,
            quantity INTEGER NOT NULL,
            sku TEXT,
            content_hash INTEGER NOT NULL
        ) STRICT
        """,
        "CREATE INDEX returns_by_order ON returns(order_id, requested_at)",
        """
        CREATE TABLE marketing_spend (
            id INTEGER PRIMARY KEY,
            channel TEXT NOT NULL,
            month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
            amount_minor INTEGER NOT NULL,
            currency TEXT NOT NULL CHECK (length(currency) = 3),
            UNIQUE (channel, month)
        ) STRICT
        """,
        """
        CREATE TABLE survey_answers (
            id INTEGER PRIMARY KEY,
            external_id TEXT NOT NULL UNIQUE,
            customer_id INTEGER NOT NULL REFERENCES customers(id),
            order_id INTEGER REFERENCES orders(id),
            question TEXT NOT NULL,
            score INTEGER NOT NULL,
            comment TEXT,
            locale TEXT,
            answered_at INTEGER NOT NULL,
            content_hash INTEGER NOT NULL
        ) STRICT
        """,
        "CREATE INDEX survey_answers_by_customer ON survey_answers(customer_id, answered_at)",
        "CREATE INDEX survey_answers_by_order ON survey_answers(order_id)",
        """
        CREATE TABLE reviews (
            id INTEGER PRIMARY KEY,
            external_id TEXT NOT NULL UNIQUE,
            customer_id INTEGER NOT NULL REFERENCES customers(id),
            order_id INTEGER REFERENCES orders(id),
            sku TEXT NOT NULL,
            rating INTEGER NOT NULL,
            title TEXT,
            body TEXT,
            locale TEXT,
            has_photo INTEGER NOT NULL CHECK (has_photo IN (0, 1)),
            created_at INTEGER NOT NULL,
            content_hash INTEGER NOT NULL
        ) STRICT
        """,
        "CREATE INDEX reviews_by_customer ON reviews(customer_id, created_at)",
        "CREATE INDEX reviews_by_order ON reviews(order_id)",
        """
        CREATE TABLE import_runs (
            fingerprint TEXT PRIMARY KEY NOT NULL,
            path TEXT NOT NULL,
            format TEXT NOT NULL,
            status TEXT NOT NULL,
            byte_offset INTEGER NOT NULL,
            line_number INTEGER NOT NULL,
            rows_read INTEGER NOT NULL,
            rows_rejected INTEGER NOT NULL,
            counts TEXT NOT NULL CHECK (json_valid(counts)),
            started_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        ) STRICT, WITHOUT ROWID
        """,
    ]
}
