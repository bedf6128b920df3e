import FlywheelCore
import PostgresNIO

extension ShopSettings {
    /// The one row of `shop_settings`.
    static let postgresSelect: PostgresQuery =
        "SELECT name, currency, time_zone, default_locale FROM shop_settings WHERE id = 1"

    /// Saves the settings as the one row of `shop_settings`.
    var postgresUpsert: PostgresQuery {
        """
        INSERT INTO shop_settings (id, name, currency, time_zone, default_locale)
        VALUES (1, \(name), \(currency.code), \(timeZoneIdentifier), \(defaultLocale.rawValue))
        ON CONFLICT (id) DO UPDATE SET name = excluded.name, currency = excluded.currency, \
        time_zone = excluded.time_zone, default_locale = excluded.default_locale
        """
    }

    /// Reads a row of `postgresSelect`.
    init(postgresRow row: PostgresRow) throws {
        let r = PostgresStoredRow(row, table: "shop_settings")
        self.init(
            name: try r.string("name"), currency: try r.currency("currency"),
            timeZoneIdentifier: try r.string("time_zone"), defaultLocale: try r.value("default_locale"))
    }
}
