public import FlywheelCore
public import Foundation
import PostgresNIO

extension PostgresStore {
    public func saveAdmin(_ account: AdminAccount) async throws -> AdminAccount {
        if let holder = try await admin(id: account.id), holder.username != account.username {
            throw AccessStoreError.duplicateAdmin(id: account.id)
        }
        let saved = try await rows(
            """
            INSERT INTO admins (id, username, password_hash, created_at)
            VALUES (\(account.id), \(account.username), \(account.passwordHash), \(PostgresTimestamp(account.createdAt)))
            ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash
            RETURNING id, username, password_hash, created_at
            """)
        return try saved.first.map(Self.admin(row:)) ?? account
    }

    public func admin(username: String) async throws -> AdminAccount? {
        try await rows("\(unescaped: Self.adminSelect) WHERE username = \(username)").first.map(Self.admin(row:))
    }

    public func admin(id: String) async throws -> AdminAccount? {
        try await rows("\(unescaped: Self.adminSelect) WHERE id = \(id)").first.map(Self.admin(row:))
    }

    public func admins() async throws -> [AdminAccount] {
        try await rows("\(unescaped: Self.adminSelect) ORDER BY created_at, id COLLATE \"C\"").map(Self.admin(row:))
    }

    public func createAdminSession(_ session: AdminSession) async throws {
        let inserted = try await rows(
            """
            INSERT INTO admin_sessions (token_hash, admin_id, created_at, expires_at)
            VALUES (\(session.tokenHash), \(session.adminID), \(PostgresTimestamp(session.createdAt)), \
            \(PostgresTimestamp(session.expiresAt)))
            ON CONFLICT (token_hash) DO NOTHING RETURNING token_hash
            """)
        guard !inserted.isEmpty else { throw AccessStoreError.duplicateSession }
    }

    public func adminSession(tokenHash: String) async throws -> AdminSession? {
        try await rows(
            "SELECT token_hash, admin_id, created_at, expires_at FROM admin_sessions WHERE token_hash = \(tokenHash)"
        ).first.map { row in
            let r = PostgresStoredRow(row, table: "admin_sessions")
            return AdminSession(
                tokenHash: try r.string("token_hash"), adminID: try r.string("admin_id"),
                createdAt: try r.date("created_at"), expiresAt: try r.date("expires_at"))
        }
    }

    public func deleteAdminSession(tokenHash: String) async throws -> Bool {
        try await !rows("DELETE FROM admin_sessions WHERE token_hash = \(tokenHash) RETURNING token_hash").isEmpty
    }

    public func deleteExpiredAdminSessions(now: Date) async throws -> Int {
        try await rows("DELETE FROM admin_sessions WHERE expires_at <= \(PostgresTimestamp(now)) RETURNING token_hash")
            .count
    }

    private static let adminSelect = "SELECT id, username, password_hash, created_at FROM admins"

    private static func admin(row: PostgresRow) throws -> AdminAccount {
        let r = PostgresStoredRow(row, table: "admins")
        return AdminAccount(
            id: try r.string("id"), username: try r.string("username"), passwordHash: try r.string("password_hash"),
            createdAt: try r.date("created_at"))
    }
}
