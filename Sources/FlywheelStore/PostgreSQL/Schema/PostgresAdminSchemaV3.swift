/// The third schema step on PostgreSQL: dashboard admins and their sessions (as `AdminSchemaV3` on SQLite).
enum PostgresAdminSchemaV3 {
    static let name = "v3 dashboard admins"

    static let statements: [String] = [
        """
        CREATE TABLE admins (
            id TEXT PRIMARY KEY,
            username TEXT NOT NULL UNIQUE,
            password_hash TEXT NOT NULL,
            created_at TIMESTAMPTZ NOT NULL
        )
        """,
        """
        CREATE TABLE admin_sessions (
            token_hash TEXT PRIMARY KEY CHECK (length(token_hash) = 64),
            admin_id TEXT NOT NULL REFERENCES admins (id) ON DELETE CASCADE,
            created_at TIMESTAMPTZ NOT NULL,
            expires_at TIMESTAMPTZ NOT NULL
        )
        """,
        "CREATE INDEX admin_sessions_by_expiry ON admin_sessions (expires_at)",
    ]
}
