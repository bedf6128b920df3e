import FlywheelCore
import Foundation

@testable import FlywheelLoyalty

/// Reads `examples/programmes/` (relative to this file) and builds the scripted events of the example tests.
enum ExampleProgrammes {
    static let berlin = ShopCalendar(timeZone: TimeZone(identifier: "Europe/Berlin")!)

    /// `examples/programmes/<name>.json`, validated.
    static func load(_ name: String, filePath: String = #filePath) throws -> Programme {
        let root = URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let url = root.appendingPathComponent("examples/programmes/\(name).json")
        return try Programme.load(from: try Data(contentsOf: url))
    }

    /// `yyyy-mm-dd` at 10:00 UTC (11:00 or 12:00 in Berlin: the same local day).
    static func at(_ year: Int, _ month: Int, _ day: Int, hour: Int = 10) -> Date {
        Date(
            timeIntervalSince1970: TimeInterval(
                CivilDate.daysSinceEpoch(year: year, month: month, day: day) * 86_400 + hour * 3600))
    }

    /// A EUR order without lines: `subtotalMinor` after discounts, plus shipping.
    static func order(
        _ id: String, _ customer: String, _ placedAt: Date, _ subtotalMinor: Int64, shippingMinor: Int64 = 0,
        code: String? = nil, discountMinor: Int64 = 0, lines: [LineItem] = []
    ) -> ReplayEvent {
        .order(
            Order(
                externalID: id, customerExternalID: customer, placedAt: placedAt, currency: .eur, lineItems: lines,
                discounts: code.map { [DiscountApplication(code: $0, amountMinor: discountMinor)] } ?? [],
                subtotalMinor: subtotalMinor, shippingMinor: shippingMinor, totalMinor: subtotalMinor + shippingMinor))
    }

    static func refund(_ id: String, of order: String, _ at: Date, _ amountMinor: Int64) -> ReplayEvent {
        .refund(Refund(externalID: id, orderExternalID: order, createdAt: at, amountMinor: amountMinor, currency: .eur))
    }

    static func customer(_ id: String, birthday: CivilDate) -> ReplayEvent {
        .customer(Customer(externalID: id, birthday: birthday, createdAt: Date(timeIntervalSince1970: 1_767_225_600)))
    }
}
