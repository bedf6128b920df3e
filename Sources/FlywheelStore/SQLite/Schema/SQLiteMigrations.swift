import GRDB

/// The SQLite schema's history: named migrations, applied in order, recorded in `grdb_migrations`.
///
/// A migration that shipped is never edited: a change to the schema is a new migration appended here.
enum SQLiteMigrations {
    /// Every migration, oldest first.
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(CoreSchemaV1.name) { db in
            for statement in CoreSchemaV1.statements { try db.execute(sql: statement) }
        }
        migrator.registerMigration(AccessSchemaV2.name) { db in
            for statement in AccessSchemaV2.statements { try db.execute(sql: statement) }
        }
        migrator.registerMigration(AdminSchemaV3.name) { db in
            for statement in AdminSchemaV3.statements { try db.execute(sql: statement) }
        }
        migrator.registerMigration(LedgerSchemaV4.name) { db in
            for statement in LedgerSchemaV4.statements { try db.execute(sql: statement) }
        }
        migrator.registerMigration(FlowScheduleSchemaV5.name) { db in
            for statement in FlowScheduleSchemaV5.statements { try db.execute(sql: statement) }
        }
        migrator.registerMigration(OutboxSchemaV6.name) { db in
            for statement in OutboxSchemaV6.statements { try db.execute(sql: statement) }
        }
        migrator.registerMigration(ConsentSchemaV7.name) { db in
            for statement in ConsentSchemaV7.statements { try db.execute(sql: statement) }
        }
        migrator.registerMigration(LoyaltyCodesSchemaV8.name) { db in
            for statement in LoyaltyCodesSchemaV8.statements { try db.execute(sql: statement) }
        }
        migrator.registerMigration(LoyaltyImportSchemaV9.name) { db in
            for statement in LoyaltyImportSchemaV9.statements { try db.execute(sql: statement) }
        }
        migrator.registerMigration(MeasurementSchemaV10.name) { db in
            for statement in MeasurementSchemaV10.statements { try db.execute(sql: statement) }
        }
        migrator.registerMigration(FlowEffectsSchemaV12.name) { db in
            for statement in FlowEffectsSchemaV12.statements { try db.execute(sql: statement) }
        }
        migrator.registerMigration(CheckoutSchemaV13.name) { db in
            for statement in CheckoutSchemaV13.statements { try db.execute(sql: statement) }
        }
        migrator.registerMigration(SegmentSchemaV14.name) { db in
            for statement in SegmentSchemaV14.statements { try db.execute(sql: statement) }
        }
        migrator.registerMigration(LedgerErasureSchemaV15.name) { db in
            for statement in LedgerErasureSchemaV15.statements { try db.execute(sql: statement) }
        }
        migrator.registerMigration(CampaignProgressSchemaV17.name) { db in
            for statement in CampaignProgressSchemaV17.statements { try db.execute(sql: statement) }
        }
        return migrator
    }()
}
