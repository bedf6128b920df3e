import Logging
import PostgresNIO

/// The PostgreSQL schema's history: named migrations, applied in order, each recorded in
/// `flywheel_migrations` in the transaction that applies it.
///
/// A migration that shipped is never edited: a change to the schema is a new migration appended here.
enum PostgresMigrations {
    /// One step of the schema.
    struct Migration: Sendable {
        let name: String
        let statements: [String]
    }

    /// Every migration, oldest first.
    static let all: [Migration] = [
        Migration(name: PostgresCoreSchemaV1.name, statements: PostgresCoreSchemaV1.statements),
        Migration(name: PostgresAccessSchemaV2.name, statements: PostgresAccessSchemaV2.statements),
        Migration(name: PostgresAdminSchemaV3.name, statements: PostgresAdminSchemaV3.statements),
        Migration(name: PostgresLedgerSchemaV4.name, statements: PostgresLedgerSchemaV4.statements),
        Migration(name: PostgresFlowScheduleSchemaV5.name, statements: PostgresFlowScheduleSchemaV5.statements),
        Migration(name: PostgresOutboxSchemaV6.name, statements: PostgresOutboxSchemaV6.statements),
        Migration(name: PostgresConsentSchemaV7.name, statements: PostgresConsentSchemaV7.statements),
        Migration(name: PostgresLoyaltyCodesSchemaV8.name, statements: PostgresLoyaltyCodesSchemaV8.statements),
        Migration(name: PostgresLoyaltyImportSchemaV9.name, statements: PostgresLoyaltyImportSchemaV9.statements),
        Migration(name: PostgresMeasurementSchemaV10.name, statements: PostgresMeasurementSchemaV10.statements),
        Migration(name: PostgresFlowEffectsSchemaV12.name, statements: PostgresFlowEffectsSchemaV12.statements),
        Migration(name: PostgresCheckoutSchemaV13.name, statements: PostgresCheckoutSchemaV13.statements),
        Migration(name: PostgresSegmentSchemaV14.name, statements: PostgresSegmentSchemaV14.statements),
        Migration(name: PostgresLedgerErasureSchemaV15.name, statements: PostgresLedgerErasureSchemaV15.statements),
        Migration(name: PostgresCampaignProgressSchemaV17.name, statements: PostgresCampaignProgressSchemaV17.statements),
    ]

    /// The advisory lock `migrate` holds (`pg_advisory_xact_lock(bigint)`, "FLYWHMIG" in ASCII), so that
    /// processes starting together apply each migration once.
    static let lockKey: Int64 = 0x464C_5957_484D_4947

    static let createTable = """
        CREATE TABLE IF NOT EXISTS flywheel_migrations (
            position INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
        )
        """

    /// Applies the migrations the database lacks, in one transaction under the lock. Refuses a database a
    /// newer Flywheel migrated.
    static func migrate(on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.transaction(logger: logger) { connection in
            try await connection.run("SELECT pg_advisory_xact_lock(\(lockKey))", logger: logger)
            try await connection.run(PostgresQuery(unsafeSQL: createTable), logger: logger)
            let applied = try await appliedMigrations(on: connection, logger: logger)
            let known = Set(all.map(\.name))
            if let unknown = applied.first(where: { !known.contains($0) }) {
                throw PostgresStoreError.newerSchema(migration: unknown)
            }
            // Positions count applications, not places in `all`: v8 came after v9 had shipped, so a database
            // with v9 at position 8 gets v8 after the last position it holds.
            var position = try await connection.rows(
                "SELECT coalesce(max(position), 0) FROM flywheel_migrations", logger: logger
            ).first?.decode(Int.self) ?? 0
            for migration in all where !applied.contains(migration.name) {
                position += 1
                logger.info("applying PostgreSQL migration", metadata: ["migration": "\(migration.name)"])
                for statement in migration.statements {
                    try await connection.run(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.run(
                    "INSERT INTO flywheel_migrations (position, name) VALUES (\(position), \(migration.name))",
                    logger: logger)
            }
        }
    }

    /// Names of the applied migrations, oldest first; empty before the first `migrate`.
    static func appliedMigrations(on connection: PostgresConnection, logger: Logger) async throws -> [String] {
        let exists = try await connection.rows(
            "SELECT to_regclass('flywheel_migrations') IS NOT NULL", logger: logger)
        guard try exists.first?.decode(Bool.self) == true else { return [] }
        return try await connection.rows("SELECT name FROM flywheel_migrations ORDER BY position", logger: logger)
            .map { try $0.decode(String.self) }
    }
}
