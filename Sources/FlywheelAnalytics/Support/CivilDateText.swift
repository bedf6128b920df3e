import FlywheelCore

/// Day numbers as ISO dates for results (`CivilDate` itself is not `Codable`).
enum CivilDateText {
    /// `YYYY-MM-DD` of a day number (days since 1970-01-01).
    static func iso(_ dayNumber: Int) -> String { CivilDate(daysSinceEpoch: dayNumber).description }
}
