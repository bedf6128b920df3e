/// The shop's product categories, with how likely a customer is to shop in each.
enum ProductCategory: Int, CaseIterable, Sendable {
    case coffee, tea, brewing, grinders, tableware, care, sweets

    /// The category name as the shop shows it.
    var title: String {
        switch self {
        case .coffee: "Kaffee"
        case .tea: "Tee"
        case .brewing: "Zubereitung"
        case .grinders: "Mühlen"
        case .tableware: "Geschirr"
        case .care: "Pflege & Zubehör"
        case .sweets: "Süßes"
        }
    }

    /// Relative weight of the category in the whole population's choices.
    var baseWeight: Double {
        switch self {
        case .coffee: 0.34
        case .tea: 0.14
        case .brewing: 0.15
        case .grinders: 0.05
        case .tableware: 0.10
        case .care: 0.11
        case .sweets: 0.11
        }
    }

    /// Things one tastes (reviews speak of flavour) rather than uses (reviews speak of quality).
    var isTasted: Bool { self == .coffee || self == .tea || self == .sweets }
}
