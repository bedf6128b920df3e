import FlywheelCore
import GRDB

extension ShopSettings {
    /// The one row of `shop_settings`.
    static let sqliteSelect = "SELECT name, currency, time_zone, default_locale FROM shop_settings WHERE id = 1"

    static let sqliteUpsert = """
        INSERT INTO shop_settings (id, name, currency, time_zone, default_locale) VALUES (1, ?1, ?2, ?3, ?4)
        ON CONFLICT (id) DO UPDATE SET name = excluded.name, currency = excluded.currency, \
        time_zone = excluded.time_zone, default_locale = excluded.default_locale
        """

    /// Reads a row of `sqliteSelect`.
    init(sqliteRow row: Row) throws {
        let r = StoredRow(row, table: "shop_settings")
        self.init(
            name: try r.string("name"), currency: try r.currency("currency"),
            timeZoneIdentifier: try r.string("time_zone"), defaultLocale: try r.value("default_locale"))
    }

    /// The parameters of `sqliteUpsert`.
    var sqliteArguments: StatementArguments { [name, currency.code, timeZoneIdentifier, defaultLocale.rawValue] }
}
