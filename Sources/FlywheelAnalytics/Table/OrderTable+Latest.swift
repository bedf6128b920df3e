import FlywheelCore
public import Foundation

extension OrderTable {
    /// When the newest order was placed; `nil` when the table holds none.
    public var latestOrderAt: Date? {
        latestPlacedAt == Int64.min ? nil : Date(timeIntervalSince1970: TimeInterval(latestPlacedAt))
    }

    /// The last second of the shop-local day of the newest order (the default "as of" of a report on a
    /// history); `nil` when the table holds none.
    public var latestOrderDayEnd: Date? {
        guard let latest = latestOrderAt else { return nil }
        let calendar = ShopCalendar(timeZone: timeZone)
        return calendar.instant(localDate: calendar.localDate(of: latest).adding(days: 1), secondsOfDay: 0)
            .addingTimeInterval(-1)
    }
}
