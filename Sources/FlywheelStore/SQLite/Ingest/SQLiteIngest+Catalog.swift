import FlywheelCore
import GRDB

extension SQLiteIngest {
    /// Upserts a product by SKU.
    mutating func upsertProduct(_ product: Product) throws {
        let outcome = try products.upsert(key: product.sku, hash: product.contentHash) {
            try product.bindSQLiteColumns(to: $0)
        }
        counts.products.add(outcome)
    }

    /// Upserts a month's spend on a channel, keyed by (channel, month). Spend has no content hash in the
    /// domain; its two value columns are compared instead.
    mutating func upsertMarketingSpend(_ spend: MarketingSpend) throws {
        let month = spend.month.description
        let stored = try Row.fetchOne(
            db.cachedStatement(
                sql: "SELECT id, amount_minor, currency FROM marketing_spend WHERE channel = ?1 AND month = ?2"),
            arguments: [spend.channel, month])
        guard let stored else {
            try db.cachedStatement(
                sql: "INSERT INTO marketing_spend (channel, month, amount_minor, currency) VALUES (?1, ?2, ?3, ?4)"
            ).execute(arguments: [spend.channel, month, spend.amount.minorUnits, spend.amount.currency.code])
            counts.marketingSpend.created += 1
            return
        }
        let r = StoredRow(stored, table: "marketing_spend")
        if try r.int64("amount_minor") == spend.amount.minorUnits,
            try r.string("currency") == spend.amount.currency.code
        {
            counts.marketingSpend.unchanged += 1
            return
        }
        try db.cachedStatement(sql: "UPDATE marketing_spend SET amount_minor = ?1, currency = ?2 WHERE id = ?3")
            .execute(arguments: [spend.amount.minorUnits, spend.amount.currency.code, try r.int64("id")])
        counts.marketingSpend.updated += 1
    }
}
