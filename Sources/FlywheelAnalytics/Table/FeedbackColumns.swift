public import FlywheelCore

/// Survey answers and reviews as columns. An answer or review with a known external id replaces the
/// earlier version (upsert, as in the store).
public struct FeedbackColumns: Sendable {
    /// Answers: who, which question, the score, the local day and the UTC second it was given.
    public internal(set) var answerCustomer: [Int32] = []
    public internal(set) var answerQuestion: [SurveyQuestion] = []
    public internal(set) var answerScore: [Int8] = []
    public internal(set) var answerDay: [Int32] = []
    public internal(set) var answerAt: [Int64] = []
    var answerRows = RecordIndex()

    /// Reviews: who, the star rating (1–5), the local day and UTC second written.
    public internal(set) var reviewCustomer: [Int32] = []
    public internal(set) var reviewRating: [Int8] = []
    public internal(set) var reviewDay: [Int32] = []
    public internal(set) var reviewAt: [Int64] = []
    var reviewRows = RecordIndex()

    /// No feedback.
    public init() {}

    /// How many survey answers are held.
    public var answerCount: Int { answerCustomer.count }
    /// How many reviews are held.
    public var reviewCount: Int { reviewCustomer.count }

    /// Adds or replaces an answer; returns the row and the customer of the replaced version, if any.
    mutating func upsertAnswer(
        key: RecordKey, customer: Int32, question: SurveyQuestion, score: Int8, day: Int32, at: Int64
    ) -> (row: Int32, previousCustomer: Int32?) {
        if let row = answerRows.row(of: key) {
            let i = Int(row)
            let previous = answerCustomer[i]
            answerCustomer[i] = customer
            answerQuestion[i] = question
            answerScore[i] = score
            answerDay[i] = day
            answerAt[i] = at
            return (row, previous)
        }
        let row = answerRows.append(key)
        answerCustomer.append(customer)
        answerQuestion.append(question)
        answerScore.append(score)
        answerDay.append(day)
        answerAt.append(at)
        return (row, nil)
    }

    /// Adds or replaces a review; returns the customer of the replaced version, if any.
    mutating func upsertReview(key: RecordKey, customer: Int32, rating: Int8, day: Int32, at: Int64) -> Int32? {
        if let row = reviewRows.row(of: key) {
            let i = Int(row)
            let previous = reviewCustomer[i]
            reviewCustomer[i] = customer
            reviewRating[i] = rating
            reviewDay[i] = day
            reviewAt[i] = at
            return previous
        }
        _ = reviewRows.append(key)
        reviewCustomer.append(customer)
        reviewRating.append(rating)
        reviewDay.append(day)
        reviewAt.append(at)
        return nil
    }
}
