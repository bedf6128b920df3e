/// Reusable per-occasion facts while one customer's contribution is added (no allocation per customer; the
/// columns are `ScratchColumn`s, refilled without an array's checks).
struct ContributionScratch: ~Copyable {
    /// Whether the occasion's purchases name any category, and one the customer had not bought before.
    var hasCategory = ScratchColumn<Bool>()
    var hasNewCategory = ScratchColumn<Bool>()
    /// Categories bought on earlier occasions.
    var seenCategories = ScratchColumn<Int32>()
    /// Categories of the current occasion.
    var occasionCategories = ScratchColumn<Int32>()
    /// Per occasion: its first purchase's month index, its orders and the sum of their gross amounts (the
    /// net sum is the timeline's `occasionNet`) — computed once for the three granularities' periods.
    var occasionMonth = ScratchColumn<Int>()
    var occasionOrders = ScratchColumn<Int64>()
    var occasionGross = ScratchColumn<Int64>()

    init() {}
}
