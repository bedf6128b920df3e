/// Reusable per-occasion facts while one customer's contribution is added (no allocation per customer).
struct ContributionScratch {
    /// Whether the occasion's purchases name any category, and one the customer had not bought before.
    var hasCategory: [Bool] = []
    var hasNewCategory: [Bool] = []
    /// Categories bought on earlier occasions.
    var seenCategories: [Int32] = []
    /// Categories of the current occasion.
    var occasionCategories: [Int32] = []
}
