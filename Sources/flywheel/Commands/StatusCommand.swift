import ArgumentParser
import FlywheelCore
import Foundation

/// `flywheel status`: what the database holds.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show what the database holds.")

    @Flag(help: "Print one JSON object.")
    var json = false

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let location = database.displayLocation()
        let store = try await database.openStore()
        let status = try await store.status()
        let settings = try await store.shopSettings() ?? .defaults
        if json {
            try JSONOutput.print(StatusJSON(database: location, shop: settings, status: status))
            return
        }
        let calendar = settings.calendar
        print(
            """
            Database     \(location) (schema \(status.schemaVersion))
            Shop         \(settings.name) · \(settings.currency.code) · \(settings.timeZoneIdentifier) · \(settings.defaultLocale.rawValue)
            Customers    \(Format.count(status.customers))
            Orders       \(Format.count(status.orders))
            Products     \(Format.count(status.products))
            Shipments    \(Format.count(status.shipments))
            Refunds      \(Format.count(status.refunds))
            Returns      \(Format.count(status.returns))
            Surveys      \(Format.count(status.surveyAnswers)) answers, \(Format.count(status.reviews)) reviews
            First order  \(status.firstOrderAt.map { calendar.localDate(of: $0).description } ?? "—")
            Last order   \(status.lastOrderAt.map { calendar.localDate(of: $0).description } ?? "—")
            """)
    }
}

/// The `--json` form of `flywheel status`.
struct StatusJSON: Encodable {
    var database: String
    var schema_version: String
    var shop_name: String
    var currency: String
    var time_zone: String
    var customers: Int
    var orders: Int
    var products: Int
    var shipments: Int
    var refunds: Int
    var returns: Int
    var survey_answers: Int
    var reviews: Int
    var first_order_at: Date?
    var last_order_at: Date?

    init(database: String, shop: ShopSettings, status: StoreStatus) {
        self.database = database
        schema_version = status.schemaVersion
        shop_name = shop.name
        currency = shop.currency.code
        time_zone = shop.timeZoneIdentifier
        customers = status.customers
        orders = status.orders
        products = status.products
        shipments = status.shipments
        refunds = status.refunds
        returns = status.returns
        survey_answers = status.surveyAnswers
        reviews = status.reviews
        first_order_at = status.firstOrderAt
        last_order_at = status.lastOrderAt
    }
}
