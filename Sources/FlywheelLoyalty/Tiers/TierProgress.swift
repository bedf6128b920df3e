public import FlywheelCore

/// Where a customer stands: the tier, the qualifying amount so far and what the next tier still needs
/// ("€40 to Gold").
public struct TierProgress: Hashable, Sendable {
    /// The unit of `qualifying` and `needed`.
    public var basis: QualifyingBasis
    /// The current tier's id; `nil` for none.
    public var tierID: String?
    /// The current tier's name; `nil` for none.
    public var tierName: String?
    /// The next tier's id; `nil` at the top.
    public var nextTierID: String?
    /// The next tier's name; `nil` at the top.
    public var nextTierName: String?
    /// The qualifying amount of the current period (minor units for spend).
    public var qualifying: Int64
    /// What is still needed for the next tier, in the same unit; `nil` at the top.
    public var needed: Int64?

    /// `40.00 EUR to Gold` / `noch 40.00 EUR bis Gold`, `2 orders to Silver`, `120 points to Gold`; `nil` at
    /// the top.
    public func summary(currency: CurrencyCode, locale: ShopLocale) -> String? {
        guard let needed, let next = nextTierName else { return nil }
        let amount: String
        switch (basis, locale) {
        case (.spend, _): amount = "\(DecimalAmount.format(needed, digits: currency.minorUnitDigits)) \(currency.code)"
        case (.orders, .en): amount = needed == 1 ? "1 order" : "\(needed) orders"
        case (.orders, .de): amount = needed == 1 ? "1 Bestellung" : "\(needed) Bestellungen"
        case (.pointsEarned, .en): amount = "\(needed) points"
        case (.pointsEarned, .de): amount = "\(needed) Punkte"
        }
        return locale == .de ? "noch \(amount) bis \(next)" : "\(amount) to \(next)"
    }
}
