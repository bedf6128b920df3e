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
        // Logs per distinct time and, with many groups, the terms on every core: the same bits as
        // `logLikelihood(r:alpha:a:b:groups:)`.
        let likelihood = BGNBDLikelihood(groups: groups, parts: ThreadedWork.parts(for: groups.count, minimum: 20_000))
        // A large fit starts at a sample's maximum (`LikelihoodPilot`).
        let pilot = LikelihoodPilot(customers: groups.totalWeight) { k in
            let sample = groups.sample(oneIn: k)
            let sampleLikelihood = BGNBDLikelihood(groups: sample, parts: 1)
            return (sample.totalWeight, start(sample), { v in sampleLikelihood(r: v[0], alpha: v[1], a: v[2], b: v[3]) })
        }
        let (p, report) = try MaximumLikelihood.fit(
            start: start(groups), customers: groups.totalWeight, model: "BG/NBD", firstStage: firstStage, pilot: pilot
        ) { v in
            likelihood(r: v[0], alpha: v[1], a: v[2], b: v[3])
        }
        return CLVFit(model: BGNBDModel(r: p[0], alpha: p[1], a: p[2], b: p[3]), report: report)
    }

    /// The optimizer's start: r = a = b = 1, α such that r/α is the pooled purchase rate.
    private static func start(_ groups: PurchaseHistoryGroups) -> [Double] { [1, groups.pooledRateScale, 1, 1] }
}
