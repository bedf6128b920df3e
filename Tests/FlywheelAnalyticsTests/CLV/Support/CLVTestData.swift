import FlywheelAnalytics
import FlywheelCore
import Foundation

/// Test data for the CLV suites: the CDNOW sample as a transaction log and the lifetimes oracle's output.
enum CLVTestData {
    /// `Tests/Fixtures`.
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// Day number of a calendar date.
    static func day(_ year: Int, _ month: Int, _ day: Int) -> Int {
        CivilDate.daysSinceEpoch(year: year, month: month, day: day)
    }

    /// |actual − expected| ≤ tolerance · |expected|.
    static func isClose(_ actual: Double, _ expected: Double, relative tolerance: Double) -> Bool {
        abs(actual - expected) <= tolerance * abs(expected)
    }

    /// The literature's CDNOW set-up: weeks, calibration 1997-01-01 … 1997-09-30, holdout … 1998-06-30.
    static let cdnowOptions = CLVSummaryOptions(
        calibrationEnd: day(1997, 9, 30), observationEnd: day(1998, 6, 30), timeUnit: .week)

    /// `CDNOW_sample.txt`: master id, sample id (1…2357), YYYYMMDD, CDs, dollars; customer = sample id − 1.
    static let cdnowSample: CLVTransactionLog = {
        let text = try! String(contentsOf: fixtures.appendingPathComponent("cdnow/CDNOW_sample.txt"), encoding: .utf8)
        var log = CLVTransactionLog()
        for line in text.split(whereSeparator: \.isNewline) {
            let fields = line.split(separator: " ")
            guard fields.count == 5, let id = Int(fields[1]), let date = Int(fields[2]) else { continue }
            let parts = fields[4].split(separator: ".")
            let dollars = Int64(parts[0])!
            let cents = parts.count > 1 ? Int64(parts[1].padding(toLength: 2, withPad: "0", startingAt: 0))! : 0
            log.append(
                customer: id - 1, day: day(date / 10_000, date / 100 % 100, date % 100),
                minorUnits: dollars * 100 + cents)
        }
        return log
    }()

    /// The CDNOW sample summarised with `cdnowOptions`.
    static let cdnowSummary: CLVSummary = try! CLVSummary(transactions: cdnowSample, options: cdnowOptions)

    /// `Tests/Fixtures/clv/lifetimes_cdnow_sample.json`, written by `scripts/oracles/lifetimes_cdnow.py`.
    static let oracle: LifetimesOracle = {
        let data = try! Data(contentsOf: fixtures.appendingPathComponent("clv/lifetimes_cdnow_sample.json"))
        return try! JSONDecoder().decode(LifetimesOracle.self, from: data)
    }()
}

/// The parts of the lifetimes oracle's JSON the tests read.
struct LifetimesOracle: Decodable {
    struct DataSet: Decodable {
        let customers: Int
        let repeaters: Int
        let calibration_repeat_purchases: Int
        let holdout_weeks: Double
        let holdout_actual: Int
    }
    struct BGNBD: Decodable {
        let r, alpha, a, b, log_likelihood: Double
        let holdout_prediction: Double?
        var model: BGNBDModel { BGNBDModel(r: r, alpha: alpha, a: a, b: b) }
    }
    struct ParetoNBD: Decodable {
        let r, alpha, s, beta, log_likelihood: Double
        let holdout_prediction: Double?
        var model: ParetoNBDModel { ParetoNBDModel(r: r, alpha: alpha, s: s, beta: beta) }
    }
    struct GammaGamma: Decodable {
        let p, q, gamma, log_likelihood: Double
        var model: GammaGammaModel { GammaGammaModel(p: p, q: q, gamma: gamma) }
    }
    struct Bundled: Decodable {
        let bgnbd: BGNBD
        let paretonbd: ParetoNBD
        let gamma_gamma: GammaGamma
    }
    struct Customer: Decodable {
        let customer: Int
        let frequency: Int
        let recency, T, monetary_value: Double
        let holdout_frequency: Int
        let bgnbd_probability_alive, bgnbd_expected_purchases_39: Double
        let paretonbd_probability_alive, paretonbd_expected_purchases_39: Double
        let gamma_gamma_expected_average_value, bgnbd_clv_12_months_1pct: Double
    }
    struct Hypergeometric: Decodable {
        let a, b, c, z, log_value: Double
    }

    let data: DataSet
    let bgnbd: BGNBD
    let paretonbd: ParetoNBD
    let gamma_gamma: GammaGamma
    let bundled_summary: Bundled
    let customers: [Customer]
    let hyp2f1: [Hypergeometric]
}
