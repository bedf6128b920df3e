/// The channels that bring orders: acquisition channels for first orders, and what brings repeat orders.
enum SalesChannel: Int, CaseIterable, Sendable {
    case organic, googleAds, metaAds, newsletter, referral, instagram

    /// The name in orders and marketing spend.
    var name: String {
        switch self {
        case .organic: "organic"
        case .googleAds: "google_ads"
        case .metaAds: "meta_ads"
        case .newsletter: "newsletter"
        case .referral: "referral"
        case .instagram: "instagram"
        }
    }

    /// Channels the shop pays for by the month, with the cost per acquired customer it aims at (cents).
    var targetCostPerAcquisition: Int64? {
        switch self {
        case .googleAds: 3_200
        case .metaAds: 2_600
        case .instagram: 3_800
        default: nil
        }
    }

    /// Acquisition channel shares of customers who did not come for a sale (in `allCases` order).
    static let regularShares: [Double] = [0.28, 0.22, 0.15, 0.12, 0.11, 0.12]
    /// Acquisition channel shares of sale-acquired customers.
    static let saleShares: [Double] = [0.10, 0.30, 0.30, 0.15, 0.00, 0.15]
    /// What brings repeat orders; `newsletter` only for customers whose e-mail consent is granted
    /// (others' newsletter share goes to `organic`).
    static let repeatShares: [Double] = [0.50, 0.10, 0.05, 0.30, 0.00, 0.05]

    static func cumulative(_ shares: [Double]) -> [Double] {
        var sum = 0.0
        return shares.map {
            sum += $0
            return sum
        }
    }

    /// Every channel's name as UTF-8, for the CSV writer.
    static let nameBytes: [[UInt8]] = allCases.map { Array($0.name.utf8) }
}
