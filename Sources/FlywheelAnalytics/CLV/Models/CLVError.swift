/// Why CLV data could not be summarised or a model could not be fitted.
public struct CLVError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Kind: Hashable, Sendable {
        case mismatchedColumns
        case invalidCustomer
        case invalidPeriods
        case noCustomers
        case noRepeatCustomers
        case invalidHistory
        case likelihoodNotFinite
    }

    private let kind: Kind
    /// What was wrong and what to do.
    public let description: String

    private init(_ kind: Kind, _ description: String) {
        self.kind = kind
        self.description = description
    }

    /// The transaction columns have different lengths.
    static func mismatchedColumns(_ counts: [Int]) -> CLVError {
        CLVError(
            .mismatchedColumns,
            "the transaction columns have different lengths (\(counts.map(String.init).joined(separator: ", "))); "
                + "give one customer, day and value per transaction")
    }

    /// A customer index is negative or not below the customer count.
    static func invalidCustomer(row: Int) -> CLVError {
        CLVError(
            .invalidCustomer,
            "transaction \(row) has a customer index outside 0..<customerCount; number customers from 0")
    }

    /// The observation period ends before the calibration period.
    static var invalidPeriods: CLVError {
        CLVError(
            .invalidPeriods,
            "the observation period ends before the calibration period; "
                + "choose an observation end on or after the calibration end")
    }

    /// Nobody bought within the calibration period.
    static var noCustomers: CLVError {
        CLVError(.noCustomers, "no customer made a purchase in the calibration period; move the calibration end later")
    }

    /// Gamma-Gamma needs customers with repeat purchases of positive value.
    static var noRepeatCustomers: CLVError {
        CLVError(
            .noRepeatCustomers,
            "no customer has a repeat purchase of positive value; the spend model needs repeat buyers")
    }

    /// A summary row breaks 0 ≤ tₓ ≤ T, x ≥ 0, or x = 0 with tₓ > 0.
    static func invalidHistory(index: Int) -> CLVError {
        CLVError(
            .invalidHistory,
            "customer \(index) has an impossible history "
                + "(need x >= 0, 0 <= recency <= age, recency 0 when x = 0, finite values)")
    }

    /// The likelihood could not be evaluated even at the starting point.
    static func likelihoodNotFinite(model: String) -> CLVError {
        CLVError(
            .likelihoodNotFinite,
            "the \(model) log-likelihood is not finite at any point tried; check the data for extreme values")
    }
}
