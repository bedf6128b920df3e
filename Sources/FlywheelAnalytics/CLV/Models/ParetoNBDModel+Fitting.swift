extension ParetoNBDModel {
    /// Maximum-likelihood fit on purchase histories (x, tₓ, T), one per customer.
    public static func fit(frequency: [Int], recency: [Double], age: [Double]) throws(CLVError) -> CLVFit<
        ParetoNBDModel
    > {
        try fit(PurchaseHistoryGroups.validated(frequency: frequency, recency: recency, age: age))
    }

    /// Maximum-likelihood fit on a calibration summary.
    public static func fit(_ summary: CLVSummary) throws(CLVError) -> CLVFit<ParetoNBDModel> {
        try fit(frequency: summary.frequency, recency: summary.recency, age: summary.age)
    }

    static func fit(_ groups: PurchaseHistoryGroups) throws(CLVError) -> CLVFit<ParetoNBDModel> {
        let scale = groups.pooledRateScale
        let start = [1, scale, 1, scale]
        // A large fit starts at a sample's maximum (`LikelihoodPilot`).
        let pilot = LikelihoodPilot.sampling(customers: groups.totalWeight).map { k in
            let sample = groups.sample(oneIn: k)
            let sampleScale = sample.pooledRateScale
            return LikelihoodPilot(sampling: k, customers: sample.totalWeight, start: [1, sampleScale, 1, sampleScale]) {
                v in logLikelihood(r: v[0], alpha: v[1], s: v[2], beta: v[3], groups: sample)
            }
        }
        let (p, report) = try MaximumLikelihood.fit(
            start: start, customers: groups.totalWeight, model: "Pareto/NBD", pilot: pilot
        ) { v in
            logLikelihood(r: v[0], alpha: v[1], s: v[2], beta: v[3], groups: groups)
        }
        return CLVFit(model: ParetoNBDModel(r: p[0], alpha: p[1], s: p[2], beta: p[3]), report: report)
    }
}
