public import Foundation

/// The shop Flywheel works for: its name, money, time zone and default language.
public struct ShopSettings: Hashable, Sendable {
    public var name: String
    /// The shop's reporting currency; orders may carry their own.
    public var currency: CurrencyCode
    /// IANA zone for calendar logic (periods, cohorts, quiet hours), e.g. `Europe/Berlin`.
    public var timeZoneIdentifier: String
    public var defaultLocale: ShopLocale

    public init(name: String, currency: CurrencyCode, timeZoneIdentifier: String, defaultLocale: ShopLocale) {
        self.name = name
        self.currency = currency
        self.timeZoneIdentifier = timeZoneIdentifier
        self.defaultLocale = defaultLocale
    }

    /// A new shop's settings before the owner changes them: EUR, Europe/Berlin, German.
    public static let defaults = ShopSettings(
        name: "My Shop", currency: .eur, timeZoneIdentifier: "Europe/Berlin", defaultLocale: .de)

    /// The zone, when the identifier names one.
    public var timeZone: TimeZone? { TimeZone(identifier: timeZoneIdentifier) }

    /// The shop's calendar (UTC if the zone is unknown; `validate()` reports that case).
    public var calendar: ShopCalendar { ShopCalendar(timeZone: timeZone ?? TimeZone(identifier: "UTC")!) }
}
