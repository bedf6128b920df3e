/// Per-customer feedback facts as of a cutoff: the latest NPS score (−1: none) and the reviews written.
struct FeedbackFacts: Sendable {
    let latestNPS: [Int8]
    let reviewCount: [Int32]

    init(_ table: OrderTable, cutoff: Int64) {
        let customers = table.customers.count
        let feedback = table.feedback
        var latest = [Int8](repeating: -1, count: customers)
        var latestAt = [Int64](repeating: Int64.min, count: customers)
        for i in 0..<feedback.answerCount where feedback.answerQuestion[i] == .nps && feedback.answerAt[i] <= cutoff {
            let c = Int(feedback.answerCustomer[i])
            if feedback.answerAt[i] >= latestAt[c] {
                latestAt[c] = feedback.answerAt[i]
                latest[c] = feedback.answerScore[i]
            }
        }
        var reviews = [Int32](repeating: 0, count: customers)
        for i in 0..<feedback.reviewCount where feedback.reviewAt[i] <= cutoff {
            reviews[Int(feedback.reviewCustomer[i])] += 1
        }
        latestNPS = latest
        reviewCount = reviews
    }

    /// The facts the table keeps current (all feedback, no cutoff).
    init(kept table: OrderTable) {
        latestNPS = table.customers.latestNPS
        reviewCount = table.customers.reviewCount
    }
}
