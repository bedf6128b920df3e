public import FlywheelCore

/// What earning needs to know besides the order: the shop's calendar and facts about the customer.
public struct EarningContext: Sendable {
    /// The shop's calendar; weekends and birthday months are judged in its time zone.
    public var calendar: ShopCalendar
    /// The customer's tier multiplier (from the tier engine); 1× when the customer has no tier.
    public var tierMultiplier: Multiplier
    /// The customer's birthday, if known (only its month matters here).
    public var birthday: CivilDate?

    /// A context in `calendar` with the customer's tier multiplier and birthday.
    public init(calendar: ShopCalendar, tierMultiplier: Multiplier = .one, birthday: CivilDate? = nil) {
        self.calendar = calendar
        self.tierMultiplier = tierMultiplier
        self.birthday = birthday
    }
}
