import FlywheelCore

extension MarketingSpend {
    /// The spend an API body describes, checked by the domain's rules.
    init(api body: Components.Schemas.MarketingSpend) throws(APIProblem) {
        guard let month = YearMonth(body.month) else {
            throw .invalid([.init(pointer: "/month", detail: "must be a month YYYY-MM")])
        }
        self.init(
            channel: body.channel, month: month,
            amount: Money(minorUnits: body.amountMinor, currency: try CurrencyCode(api: body.currency, pointer: "/currency")))
        do { try validate() } catch { throw FieldPointer.problem(error, ownID: "") }
    }

    /// The spend as the API shows it.
    var api: Components.Schemas.MarketingSpend {
        .init(channel: channel, month: month.description, amountMinor: amount.minorUnits, currency: amount.currency.code)
    }
}
