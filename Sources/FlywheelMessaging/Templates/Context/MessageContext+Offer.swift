public import FlywheelCore

extension MessageContext.Offer {
    /// The offer a coupon makes, worded for `locale`: `10 % Rabatt auf Ihre nächste Bestellung` /
    /// `€5.00 off your next order`, its code and its last valid day (a day of the shop's calendar).
    public init(percentOff: Int?, amountOff: Money?, code: String?, lastDay: CivilDate, locale: ShopLocale) {
        let format = MessageFormat(locale)
        let german = locale == .de
        var description = ""
        if let percentOff {
            description = german ? "\(percentOff) % Rabatt auf Ihre nächste Bestellung" : "\(percentOff) % off your next order"
        } else if let amountOff {
            let money = format.money(amountOff)
            description = german ? "\(money) Rabatt auf Ihre nächste Bestellung" : "\(money) off your next order"
        }
        self.init(description: description, code: code, expires: format.date(lastDay))
    }
}
