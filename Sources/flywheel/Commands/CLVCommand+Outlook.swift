import FlywheelAnalytics
import FlywheelCore
import Foundation

extension CLVCommand {
    /// The predictions of `clv predict` for every customer of a calibration, in money of its currency.
    ///
    /// - The CLV sums K = horizon ÷ month (rounded, at least 1) months that tile the horizon exactly (a month
    ///   is 4.345 weeks or 30 days as in lifetimes, so 52 weeks and 365 days both give 12 months).
    /// - The next order date is the first day after the calibration end by which a customer who is still
    ///   active has bought with probability ½: calibration end + max(1, ⌈median wait in days⌉).
    struct Outlook {
        /// One customer's outlook.
        struct Row {
            var customerID: String
            /// x: repeat purchase days in the calibration period.
            var repeatPurchases: Int
            var firstOrderDay: Int
            var lastOrderDay: Int
            var probabilityAlive: Double
            /// Purchase occasions expected over the horizon.
            var expectedPurchases: Double
            var nextOrderDay: Int?
            var averageOrderValueMinor: Int64?
            var lifetimeValueMinor: Int64?
            /// The CLV in major units, for sorting.
            var lifetimeValue: Double

            static let csvHeader =
                "customer_id,repeat_purchases,first_order_date,last_order_date,probability_alive,expected_purchases,"
                + "expected_next_order_date,expected_average_order_value_minor,clv_minor,currency"

            func csvLine(currency: CurrencyCode) -> String {
                let fields = [
                    CSVField.quoted(customerID), String(repeatPurchases), CLVCommand.day(firstOrderDay),
                    CLVCommand.day(lastOrderDay), String(probabilityAlive), String(expectedPurchases),
                    nextOrderDay.map(CLVCommand.day) ?? "", averageOrderValueMinor.map(String.init) ?? "",
                    lifetimeValueMinor.map(String.init) ?? "", currency.code,
                ]
                return fields.joined(separator: ",")
            }
        }

        let modelName: String
        let model: ModelOptions.Model
        let source: String
        let currency: CurrencyCode
        let timeUnit: CLVTimeUnit
        /// The calibration end: the day predictions start after.
        let asOf: Int
        let horizon: Double
        let months: Int
        let discountRate: Double
        let totalExpectedPurchases: Double
        let totalLifetimeValueMinor: Int64?
        private let rows: [Row]

        init(_ c: Calibration, horizon: Double, discountRate: Double) {
            let s = c.summary
            let months = max(1, Int((horizon / c.timeUnit.unitsPerMonth).rounded()))
            let forecast = CLVForecast(
                summary: s, model: c.fit.model, spend: c.spend.model,
                options: CLVForecastOptions(
                    horizon: horizon, months: months, monthlyDiscountRate: discountRate,
                    unitsPerMonth: horizon / Double(months)))
            let lastDay = CivilDate(year: 2999, month: 12, day: 31)!.daysSinceEpoch
            let asOf = s.options.calibrationEnd
            var rows: [Row] = []
            rows.reserveCapacity(s.count)
            for i in 0..<s.count {
                let wait = forecast.expectedNextPurchaseDay[i] - Double(asOf)
                var next: Int?
                if wait.isFinite, wait < Double(lastDay - asOf) { next = asOf + max(1, Int(wait.rounded(.up))) }
                rows.append(
                    Row(
                        customerID: c.collected.customerIDs[s.customer[i]], repeatPurchases: s.frequency[i],
                        firstOrderDay: s.firstPurchaseDay[i], lastOrderDay: s.lastPurchaseDay[i],
                        probabilityAlive: forecast.probabilityAlive[i],
                        expectedPurchases: forecast.expectedPurchases[i],
                        nextOrderDay: next,
                        averageOrderValueMinor: CLVCommand.minorUnits(forecast.expectedAverageValue[i], c.currency),
                        lifetimeValueMinor: CLVCommand.minorUnits(forecast.lifetimeValue[i], c.currency),
                        lifetimeValue: forecast.lifetimeValue[i]))
            }
            var totalValue = 0.0
            for value in forecast.lifetimeValue { totalValue += value }
            self.modelName = c.fit.model.name
            self.model = c.fit.choice
            self.source = c.input.description
            self.currency = c.currency
            self.timeUnit = c.timeUnit
            self.asOf = asOf
            self.horizon = horizon
            self.months = months
            self.discountRate = discountRate
            self.totalExpectedPurchases = forecast.totalExpectedPurchases
            self.totalLifetimeValueMinor = CLVCommand.minorUnits(totalValue, c.currency)
            self.rows = rows
        }

        /// Every customer, highest CLV first (ties by customer id; a CLV that is not finite last).
        func rowsByValue() -> [Row] {
            rows.sorted { a, b in
                let x = a.lifetimeValue.isFinite ? a.lifetimeValue : -Double.infinity
                let y = b.lifetimeValue.isFinite ? b.lifetimeValue : -Double.infinity
                if x != y { return x > y }
                return a.customerID.utf8.lexicographicallyPrecedes(b.customerID.utf8)
            }
        }
    }
}
