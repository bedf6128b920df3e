import FlywheelCore
import Foundation

/// A checkout's lines as the JSON text both SQL engines keep in `checkouts.lines`:
/// `[{"quantity":2,"sku":"TEA","title":"Tee","unit_price_minor":1250}]`. The lines are only ever read and
/// replaced with their checkout, so one column holds them (an update replaces them whole).
enum CheckoutLinesJSON {
    private struct Line: Codable {
        var sku: String?
        var title: String?
        var quantity: Int
        var unitPriceMinor: Int64

        enum CodingKeys: String, CodingKey {
            case sku, title, quantity
            case unitPriceMinor = "unit_price_minor"
        }
    }

    static func text(_ lines: [CheckoutLine]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(
            lines.map { Line(sku: $0.sku, title: $0.title, quantity: $0.quantity, unitPriceMinor: $0.unitPriceMinor) })
        return String(decoding: data, as: UTF8.self)
    }

    static func lines(_ text: String) throws -> [CheckoutLine] {
        try JSONDecoder().decode([Line].self, from: Data(text.utf8)).map {
            CheckoutLine(sku: $0.sku, title: $0.title, quantity: $0.quantity, unitPriceMinor: $0.unitPriceMinor)
        }
    }
}
