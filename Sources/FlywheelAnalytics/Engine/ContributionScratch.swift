/// Reusable per-occasion facts while one customer's contribution is added (no allocation per customer).
struct ContributionScratch {
    /// Whether the occasion's purchases name any category, and one the customer had not bought before.
    var hasCategory: [Bool] = []
    var hasNewCategory: [Bool] = []
    /// Categories bought on earlier occasions.
    var seenCategories: [Int32] = []
    /// Categories of the current occasion.
    var occasionCategories: [Int32] = []
    /// Per occasion: its first purchase's month index, its orders and the sum of their gross amounts (the
    /// net sum is the timeline's `occasionNet`) — computed once for the three granularities' periods.
    var occasionMonth: [Int] = []
    var occasionOrders: [Int64] = []
    var occasionGross: [Int64] = []
}
