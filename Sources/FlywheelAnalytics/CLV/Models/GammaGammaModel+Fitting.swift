extension GammaGammaModel {
    /// Maximum-likelihood fit on customers' repeat-transaction counts and mean values; customers with
    /// x = 0 or m̄ ≤ 0 are left out (they carry no information about spend).
    public static func fit(frequency: [Int], meanValue: [Double]) throws(CLVError) -> CLVFit<GammaGammaModel> {
        guard meanValue.count == frequency.count else { throw .mismatchedColumns([frequency.count, meanValue.count]) }
        let histories = SpendHistories(frequency: frequency, meanValue: meanValue)
        guard histories.count > 0 else { throw .noRepeatCustomers }
        // A large fit starts at a sample's maximum (`LikelihoodPilot`).
        let pilot = LikelihoodPilot(customers: Double(histories.count)) { k in
            let sample = histories.sample(oneIn: k)
            return (Double(sample.count), start(sample), { v in logLikelihood(p: v[0], q: v[1], gamma: v[2], histories: sample) })
        }
        let (v, report) = try MaximumLikelihood.fit(
            start: start(histories), customers: Double(histories.count), model: "Gamma-Gamma", pilot: pilot
        ) { v in
            logLikelihood(p: v[0], q: v[1], gamma: v[2], histories: histories)
        }
        return CLVFit(model: GammaGammaModel(p: v[0], q: v[1], gamma: v[2]), report: report)
    }

    /// Maximum-likelihood fit on a calibration summary's repeat buyers.
    public static func fit(_ summary: CLVSummary) throws(CLVError) -> CLVFit<GammaGammaModel> {
        try fit(frequency: summary.frequency, meanValue: summary.monetaryValue)
    }

    /// The optimizer's start: p = 1, q = 2, γ = the mean m̄.
    private static func start(_ histories: SpendHistories) -> [Double] {
        [1, 2, histories.meanValue.reduce(0, +) / Double(max(histories.count, 1))]
    }
}
