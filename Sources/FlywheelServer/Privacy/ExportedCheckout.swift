import FlywheelCore
import Foundation

/// A checkout (cart) in a customer's data export: what was in it, its value, and whether it became an order.
struct ExportedCheckout: Encodable, Sendable {
    struct Line: Encodable, Sendable {
        var sku: String?
        var title: String?
        var quantity: Int
        var unitPriceMinor: Int64

        enum CodingKeys: String, CodingKey {
            case sku, title, quantity, unitPriceMinor = "unit_price_minor"
        }
    }

    var id: String
    var email: String?
    var currency: String
    var totalMinor: Int64
    var lines: [Line]
    var recoveryURL: String?
    var createdAt: Date
    var updatedAt: Date
    var completedAt: Date?
    var orderID: String?

    enum CodingKeys: String, CodingKey {
        case id, email, currency, totalMinor = "total_minor", lines, recoveryURL = "recovery_url"
        case createdAt = "created_at", updatedAt = "updated_at", completedAt = "completed_at", orderID = "order_id"
    }

    init(_ checkout: Checkout) {
        id = checkout.externalID
        email = checkout.email
        currency = checkout.currency.code
        totalMinor = checkout.totalMinor
        lines = checkout.lines.map { Line(sku: $0.sku, title: $0.title, quantity: $0.quantity, unitPriceMinor: $0.unitPriceMinor) }
        recoveryURL = checkout.recoveryURL
        createdAt = checkout.createdAt
        updatedAt = checkout.updatedAt
        completedAt = checkout.completedAt
        orderID = checkout.orderExternalID
    }
}
