import FlywheelAnalytics
import FlywheelCore

extension CLVCommand {
    /// The `--json` form of `clv predict`: the set-up, totals over every customer, and the customers shown
    /// (highest CLV first). Money in minor units of `currency`; dates are ISO days.
    struct PredictJSON: Encodable {
        struct Customer: Encodable {
            var customer_id: String
            var repeat_purchases: Int
            var first_order_date: String
            var last_order_date: String
            var probability_alive: Double
            var expected_purchases: Double
            var expected_next_order_date: String?
            var expected_average_order_value_minor: Int64?
            var clv_minor: Int64?
        }

        var model: String
        var currency: String
        var time_unit: String
        /// The calibration end: predictions are for the time after it.
        var as_of: String
        var horizon: Double
        var clv_months: Int
        var monthly_discount_rate: Double
        var customers_total: Int
        var expected_purchases_total: Double
        var clv_total_minor: Int64?
        var customers: [Customer]

        init(_ o: Outlook, rows: [Outlook.Row], customersTotal: Int) {
            model = o.model.rawValue
            currency = o.currency.code
            time_unit = o.timeUnit.rawValue
            as_of = CLVCommand.day(o.asOf)
            horizon = o.horizon
            clv_months = o.months
            monthly_discount_rate = o.discountRate
            customers_total = customersTotal
            expected_purchases_total = o.totalExpectedPurchases
            clv_total_minor = o.totalLifetimeValueMinor
            customers = rows.map { row in
                Customer(
                    customer_id: row.customerID, repeat_purchases: row.repeatPurchases,
                    first_order_date: CLVCommand.day(row.firstOrderDay),
                    last_order_date: CLVCommand.day(row.lastOrderDay),
                    probability_alive: row.probabilityAlive, expected_purchases: row.expectedPurchases,
                    expected_next_order_date: row.nextOrderDay.map(CLVCommand.day),
                    expected_average_order_value_minor: row.averageOrderValueMinor, clv_minor: row.lifetimeValueMinor)
            }
        }
    }
}
