/// One pass over survey answers and reviews: NPS, CSAT, the loyalty index and reviews per bucket (a period
/// of a range, or one bucket for the whole history), for the customers of a mask, up to a cutoff.
struct FeedbackPass {
    private struct Tally {
        var promoters = 0
        var passives = 0
        var detractors = 0

        mutating func count(_ score: Int8) {
            if score >= 9 { promoters += 1 } else if score >= 7 { passives += 1 } else { detractors += 1 }
        }

        var figures: NPSFigures? { NPSFigures(promoters: promoters, passives: passives, detractors: detractors) }
    }

    private struct Bucket {
        /// NPS-style tallies for recommend (nps), buy again, try other products.
        var tallies = [Tally](repeating: Tally(), count: 3)
        var csatResponses = 0
        var csatSatisfied = 0
        var reviews = 0
        var ratingSum = 0
        var reviewers = 0
    }

    private var buckets: [Bucket]

    /// `bucket` maps a local day to its bucket (0..<bucketCount), or `nil` when it is outside every bucket.
    init(_ snapshot: AnalyticsSnapshot, bucketCount: Int, mask: [Bool]?, bucket: (Int32) -> Int?) {
        buckets = Array(repeating: Bucket(), count: bucketCount)
        let feedback = snapshot.table.feedback
        let customerCount = snapshot.table.customers.count
        let cutoff = snapshot.cutoff

        // Answers grouped by customer (counting sort), so "latest per customer" needs no dictionary.
        var start = [Int32](repeating: 0, count: customerCount + 1)
        for c in feedback.answerCustomer { start[Int(c) + 1] += 1 }
        for c in 0..<customerCount { start[c + 1] += start[c] }
        var fill = start
        var byCustomer = [Int32](repeating: 0, count: feedback.answerCount)
        for i in 0..<feedback.answerCount {
            let c = Int(feedback.answerCustomer[i])
            byCustomer[Int(fill[c])] = Int32(i)
            fill[c] += 1
        }
        // The latest answer of the customer per (bucket, question): (bucket, question, at, score).
        var latest: [(bucket: Int, question: Int, at: Int64, score: Int8)] = []
        for c in 0..<customerCount {
            if let mask, !mask[c] { continue }
            latest.removeAll(keepingCapacity: true)
            for slot in Int(start[c])..<Int(start[c + 1]) {
                let i = Int(byCustomer[slot])
                guard feedback.answerAt[i] <= cutoff, let b = bucket(feedback.answerDay[i]) else { continue }
                let score = feedback.answerScore[i]
                let question: Int
                switch feedback.answerQuestion[i] {
                case .csat:
                    buckets[b].csatResponses += 1
                    if score >= 4 { buckets[b].csatSatisfied += 1 }
                    continue
                case .nps: question = 0
                case .wouldBuyAgain: question = 1
                case .wouldTryOtherProducts: question = 2
                }
                let at = feedback.answerAt[i]
                if let k = latest.firstIndex(where: { $0.bucket == b && $0.question == question }) {
                    if at >= latest[k].at { latest[k] = (b, question, at, score) }
                } else {
                    latest.append((b, question, at, score))
                }
            }
            for entry in latest { buckets[entry.bucket].tallies[entry.question].count(entry.score) }
        }

        var reviewed: Set<Int64> = []
        for i in 0..<feedback.reviewCount {
            let c = Int(feedback.reviewCustomer[i])
            if let mask, !mask[c] { continue }
            guard feedback.reviewAt[i] <= cutoff, let b = bucket(feedback.reviewDay[i]) else { continue }
            buckets[b].reviews += 1
            buckets[b].ratingSum += Int(feedback.reviewRating[i])
            if reviewed.insert(Int64(b) << 32 | Int64(c)).inserted { buckets[b].reviewers += 1 }
        }
    }

    /// The figures of bucket `b`.
    func metrics(_ b: Int) -> FeedbackMetrics {
        let bucket = buckets[b]
        let recommend = bucket.tallies[0].figures
        let buyAgain = bucket.tallies[1].figures
        let tryOther = bucket.tallies[2].figures
        var index: Double?
        if let recommend, let buyAgain, let tryOther { index = (recommend.score + buyAgain.score + tryOther.score) / 3 }
        return FeedbackMetrics(
            nps: recommend,
            csat: bucket.csatResponses == 0
                ? nil
                : CSATFigures(
                    responses: bucket.csatResponses, satisfied: bucket.csatSatisfied,
                    score: 100 * Double(bucket.csatSatisfied) / Double(bucket.csatResponses)),
            loyaltyIndex: LoyaltyIndex(
                recommend: recommend, buyAgain: buyAgain, tryOtherProducts: tryOther, index: index),
            reviews: bucket.reviews == 0
                ? nil
                : ReviewFigures(
                    reviews: bucket.reviews, reviewers: bucket.reviewers,
                    averageRating: Double(bucket.ratingSum) / Double(bucket.reviews)))
    }
}
