/// How transactions become per-customer summaries: the calibration period, the optional holdout, the time
/// unit and the money unit.
public struct CLVSummaryOptions: Sendable, Hashable, Codable {
    /// Last day of the calibration period (inclusive), as a day number like the transactions'.
    public var calibrationEnd: Int
    /// Last day of the holdout period (inclusive); `nil` for no holdout. The holdout is
    /// (calibrationEnd, observationEnd].
    public var observationEnd: Int?
    /// The unit of recency, age and the holdout duration.
    public var timeUnit: CLVTimeUnit
    /// Decimal digits of the currency's minor unit (2 for cents): monetary values are reported in major
    /// units (dollars, euros), so Gamma-Gamma's γ is comparable with the literature.
    public var minorUnitDigits: Int

    /// Options; the literature's CDNOW set-up is `calibrationEnd` 1997-09-30, `observationEnd` 1998-06-30,
    /// `timeUnit` `.week`.
    public init(
        calibrationEnd: Int, observationEnd: Int? = nil, timeUnit: CLVTimeUnit = .week, minorUnitDigits: Int = 2
    ) {
        self.calibrationEnd = calibrationEnd
        self.observationEnd = observationEnd
        self.timeUnit = timeUnit
        self.minorUnitDigits = minorUnitDigits
    }
}
