public import Foundation

/// The shop's usual delivery time in working days, e.g. `2-4`: an order arrives between the 2nd and the 4th
/// working day after the day it was placed. Working days are Monday to Friday in the shop's time zone (public
/// holidays are not known). Used to restate a delivery window when no shipment has promised a date yet
/// (docs/flows.md, "Delivery window").
public struct DeliveryDays: Hashable, Sendable, CustomStringConvertible {
    /// The first and the last working day it may arrive on, counted from the working day after the order's day.
    public let earliest: Int
    public let latest: Int

    /// The days, when `1 <= earliest <= latest <= 60`.
    public init?(earliest: Int, latest: Int) {
        guard earliest >= 1, earliest <= latest, latest <= 60 else { return nil }
        self.earliest = earliest
        self.latest = latest
    }

    /// `3` or `2-4` (also with an en dash or spaces); `nil` for anything else.
    public init?(parsing text: String) {
        let parts = text.replacingOccurrences(of: "–", with: "-").split(separator: "-", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard (1...2).contains(parts.count), let earliest = Int(parts[0]), let latest = Int(parts[parts.count - 1])
        else { return nil }
        self.init(earliest: earliest, latest: latest)
    }

    /// `2-4` (or `3` for a single day), as it is configured.
    public var description: String { earliest == latest ? "\(earliest)" : "\(earliest)-\(latest)" }

    /// The first and last day an order placed at `placedAt` should arrive on, in the shop's calendar: the
    /// `earliest`-th and `latest`-th working day after the order's local day (an order on Friday or at the
    /// weekend counts from Monday).
    public func window(placedAt: Date, calendar: ShopCalendar) -> (from: CivilDate, to: CivilDate) {
        let placed = calendar.localDate(of: placedAt)
        return (Self.workingDay(earliest, after: placed), Self.workingDay(latest, after: placed))
    }

    /// The `n`-th working day (Monday–Friday) after `day`.
    static func workingDay(_ n: Int, after day: CivilDate) -> CivilDate {
        var date = day
        var counted = 0
        while counted < n {
            date = date.adding(days: 1)
            // `CivilDate.weekday` counts from Monday = 0.
            if CivilDate.weekday(daysSinceEpoch: date.daysSinceEpoch) < 5 { counted += 1 }
        }
        return date
    }
}
