public import FlywheelCore

extension MessageFormat {
    /// A window of days, to follow "arrives" / "kommt voraussichtlich": `zwischen Di, 3. und Do, 5. März` (de)
    /// or `between Tue 3 and Thu 5 March` (en); across months both days name theirs (`zwischen Fr, 27. Februar
    /// und Di, 3. März`); a single day is `am Di, 3. März` / `on Tue 3 March`.
    public func deliveryWindow(from: CivilDate, to: CivilDate) -> String {
        let sameMonth = from.year == to.year && from.month == to.month
        switch locale {
        case .de:
            guard from != to else { return "am " + shortDay(to) }
            return "zwischen " + shortDay(from, withMonth: !sameMonth) + " und " + shortDay(to)
        case .en:
            guard from != to else { return "on " + shortDay(to) }
            return "between " + shortDay(from, withMonth: !sameMonth) + " and " + shortDay(to)
        }
    }

    /// `Di, 3. März` / `Tue 3 March`, or without the month: `Di, 3.` / `Tue 3`.
    private func shortDay(_ date: CivilDate, withMonth: Bool = true) -> String {
        let weekday = CivilDate.weekday(daysSinceEpoch: date.daysSinceEpoch)
        switch locale {
        case .de:
            let day = "\(Self.shortWeekdaysDE[weekday]), \(date.day)."
            return withMonth ? day + " " + Self.monthNamesDE[date.month - 1] : day
        case .en:
            let day = "\(Self.shortWeekdaysEN[weekday]) \(date.day)"
            return withMonth ? day + " " + Self.monthNamesEN[date.month - 1] : day
        }
    }

    private static let shortWeekdaysDE = ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"]
    private static let shortWeekdaysEN = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    private static let monthNamesDE = [
        "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November",
        "Dezember",
    ]
    private static let monthNamesEN = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]
}
