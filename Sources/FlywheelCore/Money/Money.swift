/// An exact amount of money: integer minor units (cents) of one ISO currency. Never a floating-point number.
public struct Money: Hashable, Sendable, CustomStringConvertible {
    /// The amount in minor units, e.g. 1999 for 19.99 EUR.
    public var minorUnits: Int64
    /// The currency the amount is in.
    public var currency: CurrencyCode

    public init(minorUnits: Int64, currency: CurrencyCode) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// Zero in the given currency.
    public static func zero(_ currency: CurrencyCode) -> Money { Money(minorUnits: 0, currency: currency) }

    /// The amount as a plain decimal string with the currency's digits, e.g. `19.99 EUR`.
    public var description: String { "\(DecimalAmount.format(minorUnits, digits: currency.minorUnitDigits)) \(currency.code)" }
}
