import FlywheelCore
import Foundation

/// The repository's test fixtures (`Tests/Fixtures/…`), found from this source file's location.
enum Fixtures {
    static func path(_ relative: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures").appendingPathComponent(relative).path
    }

    /// The orders of `cdnow/CDNOW_master.txt` (USD, each row one order at UTC midnight of its date, keyed as
    /// the importer keys them: `cdnow:<customer>:<YYYYMMDD>:<n>`).
    static func cdnowMasterOrders() throws -> [Order] {
        let text = try String(contentsOfFile: path("cdnow/CDNOW_master.txt"), encoding: .utf8)
        var orders: [Order] = []
        var previous: (customer: Substring, day: Substring)?
        var n = 0
        for line in text.split(whereSeparator: \.isNewline).dropFirst() {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            guard fields.count == 4, let cds = Int(fields[2]),
                case .success(let cents) = DecimalAmount.parse(fields[3], digits: 2),
                let date = CivilDate(iso: fields[1].prefix(4) + "-" + fields[1].dropFirst(4).prefix(2) + "-" + fields[1].suffix(2))
            else { throw FixtureError(line: String(line)) }
            n = previous.map { $0.customer == fields[0] && $0.day == fields[1] } == true ? n + 1 : 1
            previous = (fields[0], fields[1])
            orders.append(
                Order(
                    externalID: "cdnow:\(fields[0]):\(fields[1]):\(n)", customerExternalID: String(fields[0]),
                    placedAt: Date(timeIntervalSince1970: TimeInterval(date.daysSinceEpoch * 86_400)), currency: .usd,
                    lineItems: [LineItem(title: "CD", quantity: cds, totalMinor: cents)], subtotalMinor: cents,
                    totalMinor: cents))
        }
        return orders
    }

    struct FixtureError: Error {
        let line: String
    }
}
