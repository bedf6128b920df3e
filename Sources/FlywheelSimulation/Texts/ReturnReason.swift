/// Why a customer sends something back (the reason code stored on the return).
enum ReturnReason: Int, CaseIterable, Sendable {
    case damaged, notAsDescribed, changedMind, wrongItem, defective, arrivedLate

    var code: String {
        switch self {
        case .damaged: "damaged"
        case .notAsDescribed: "not_as_described"
        case .changedMind: "changed_mind"
        case .wrongItem: "wrong_item"
        case .defective: "defective"
        case .arrivedLate: "arrived_late"
        }
    }

    /// The shop's fault: it refunds shipping too when the whole order comes back, and the customer is
    /// less happy.
    var isShopFault: Bool { self != .changedMind }

    /// Relative weights for a product of `category`, given a late delivery.
    static func weights(category: ProductCategory, late: Bool) -> [Double] {
        var weights = [0.20, 0.20, 0.30, 0.10, 0.10, late ? 0.60 : 0]
        switch category {
        case .tableware: weights[0] *= 3
        case .grinders, .brewing: weights[4] *= 3
        case .coffee, .tea, .sweets: weights[4] = 0
        case .care: break
        }
        return weights
    }
}
