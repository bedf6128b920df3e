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
        // A large fit starts at a sample's maximum (`LikelihoodPilot`).
        let pilot = LikelihoodPilot(customers: groups.totalWeight) { k in
            let sample = groups.sample(oneIn: k)
            return (sample.totalWeight, start(sample), { v in logLikelihood(r: v[0], alpha: v[1], s: v[2], beta: v[3], groups: sample) })
        }
        let (p, report) = try MaximumLikelihood.fit(
            start: start(groups), customers: groups.totalWeight, model: "Pareto/NBD", pilot: pilot
        ) { v in
            logLikelihood(r: v[0], alpha: v[1], s: v[2], beta: v[3], groups: groups)
        }
        return CLVFit(model: ParetoNBDModel(r: p[0], alpha: p[1], s: p[2], beta: p[3]), report: report)
    }

    /// The optimizer's start: r = s = 1, α = β such that r/α is the pooled purchase rate.
    private static func start(_ groups: PurchaseHistoryGroups) -> [Double] {
        let scale = groups.pooledRateScale
        return [1, scale, 1, scale]
    }
}
