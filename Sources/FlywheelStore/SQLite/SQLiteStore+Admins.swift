public import FlywheelCore
public import Foundation
import GRDB

extension SQLiteStore {
    public func saveAdmin(_ account: AdminAccount) async throws -> AdminAccount {
        do {
            return try await pool.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO admins (id, username, password_hash, created_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash
                        """,
                    arguments: [
                        account.id, account.username, account.passwordHash, EpochMilliseconds.from(account.createdAt),
                    ])
                return try Self.admins(db, where: "username = ?", [account.username]).first ?? account
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            throw AccessStoreError.duplicateAdmin(id: account.id)
        }
    }

    public func admin(username: String) async throws -> AdminAccount? {
        try await pool.read { db in try Self.admins(db, where: "username = ?", [username]).first }
    }

    public func admin(id: String) async throws -> AdminAccount? {
        try await pool.read { db in try Self.admins(db, where: "id = ?", [id]).first }
    }

    public func admins() async throws -> [AdminAccount] {
        try await pool.read { db in try Self.admins(db, where: "1 = 1", []) }
    }

    public func createAdminSession(_ session: AdminSession) async throws {
        do {
            try await pool.write { db in
                try db.execute(
                    sql: "INSERT INTO admin_sessions (token_hash, admin_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
                    arguments: [
                        session.tokenHash, session.adminID, EpochMilliseconds.from(session.createdAt),
                        EpochMilliseconds.from(session.expiresAt),
                    ])
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            throw AccessStoreError.duplicateSession
        }
    }

    public func adminSession(tokenHash: String) async throws -> AdminSession? {
        try await pool.read { db in
            try Row.fetchOne(
                db, sql: "SELECT token_hash, admin_id, created_at, expires_at FROM admin_sessions WHERE token_hash = ?",
                arguments: [tokenHash]
            ).map { row in
                let r = StoredRow(row, table: "admin_sessions")
                return AdminSession(
                    tokenHash: try r.string("token_hash"), adminID: try r.string("admin_id"),
                    createdAt: try r.date("created_at"), expiresAt: try r.date("expires_at"))
            }
        }
    }

    public func deleteAdminSession(tokenHash: String) async throws -> Bool {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM admin_sessions WHERE token_hash = ?", arguments: [tokenHash])
            return db.changesCount == 1
        }
    }

    public func deleteExpiredAdminSessions(now: Date) async throws -> Int {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM admin_sessions WHERE expires_at <= ?", arguments: [EpochMilliseconds.from(now)])
            return db.changesCount
        }
    }

    private static func admins(_ db: Database, where condition: String, _ arguments: StatementArguments) throws
        -> [AdminAccount]
    {
        try Row.fetchAll(
            db,
            sql: "SELECT id, username, password_hash, created_at FROM admins WHERE \(condition) ORDER BY created_at, id",
            arguments: arguments
        ).map { row in
            let r = StoredRow(row, table: "admins")
            return AdminAccount(
                id: try r.string("id"), username: try r.string("username"), passwordHash: try r.string("password_hash"),
                createdAt: try r.date("created_at"))
        }
    }
}
