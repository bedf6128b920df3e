import ArgumentParser
import FlywheelAnalytics
import FlywheelCore

extension CLVCommand {
    /// The options `clv fit` and `clv predict` share: the calibration period, the time unit, the model.
    struct ModelOptions: ParsableArguments {
        /// The repeat-purchase model to fit.
        enum Model: String, CaseIterable, ExpressibleByArgument {
            case bgnbd
            case paretonbd

            /// The model's name in the literature.
            var title: String {
                switch self {
                case .bgnbd: "BG/NBD"
                case .paretonbd: "Pareto/NBD"
                }
            }
        }

        @Option(
            help: ArgumentHelp(
                "Last day of the calibration period (inclusive), YYYY-MM-DD; later orders are the holdout.",
                discussion: "Default: the last purchase's day (calibrate on everything, no holdout).",
                valueName: "date"))
        var calibrationEnd: String?

        @Option(
            help: ArgumentHelp(
                "The models' time unit: day or week (7 days, as in the literature). (default: week)",
                valueName: "unit"),
            transform: ModelOptions.timeUnit(_:))
        var timeUnit: CLVTimeUnit = .week

        @Option(
            help: ArgumentHelp(
                "The repeat-purchase model: bgnbd (BG/NBD) or paretonbd (Pareto/NBD).", valueName: "model"))
        var model: Model = .bgnbd

        func validate() throws {
            if let calibrationEnd, CivilDate(iso: calibrationEnd[...]) == nil {
                throw ValidationError("--calibration-end: '\(calibrationEnd)' is not a date in the form YYYY-MM-DD")
            }
        }

        /// The calibration end as a day number, when given.
        var calibrationEndDay: Int? { calibrationEnd.flatMap { CivilDate(iso: $0[...]) }?.daysSinceEpoch }

        static func timeUnit(_ text: String) throws -> CLVTimeUnit {
            guard let unit = CLVTimeUnit(rawValue: text.lowercased()) else {
                throw ValidationError("--time-unit: '\(text)' is not day or week")
            }
            return unit
        }
    }
}
