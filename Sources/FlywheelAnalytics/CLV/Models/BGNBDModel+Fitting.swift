extension BGNBDModel {
    /// Maximum-likelihood fit on purchase histories (x, tₓ, T), one per customer.
    public static func fit(frequency: [Int], recency: [Double], age: [Double]) throws(CLVError) -> CLVFit<BGNBDModel> {
        try fit(PurchaseHistoryGroups.validated(frequency: frequency, recency: recency, age: age))
    }

    /// Maximum-likelihood fit on a calibration summary.
    public static func fit(_ summary: CLVSummary) throws(CLVError) -> CLVFit<BGNBDModel> {
        try fit(frequency: summary.frequency, recency: summary.recency, age: summary.age)
    }

    static func fit(_ groups: PurchaseHistoryGroups, firstStage: BFGSMinimizer = BFGSMinimizer()) throws(CLVError)
        -> CLVFit<BGNBDModel>
    {
        let start = [1, groups.pooledRateScale, 1, 1]
        // Logs per distinct time and, with many groups, the terms on every core: the same bits as
        // `logLikelihood(r:alpha:a:b:groups:)`.
        let likelihood = BGNBDLikelihood(groups: groups, parts: ThreadedWork.parts(for: groups.count, minimum: 20_000))
        // A large fit starts at a sample's maximum (`LikelihoodPilot`).
        let pilot = LikelihoodPilot.sampling(customers: groups.totalWeight).map { k in
            let sample = groups.sample(oneIn: k)
            let sampleLikelihood = BGNBDLikelihood(groups: sample, parts: 1)
            return LikelihoodPilot(sampling: k, customers: sample.totalWeight, start: [1, sample.pooledRateScale, 1, 1]) {
                v in sampleLikelihood(r: v[0], alpha: v[1], a: v[2], b: v[3])
            }
        }
        let (p, report) = try MaximumLikelihood.fit(
            start: start, customers: groups.totalWeight, model: "BG/NBD", firstStage: firstStage, pilot: pilot
        ) { v in
            likelihood(r: v[0], alpha: v[1], a: v[2], b: v[3])
        }
        return CLVFit(model: BGNBDModel(r: p[0], alpha: p[1], a: p[2], b: p[3]), report: report)
    }
}
