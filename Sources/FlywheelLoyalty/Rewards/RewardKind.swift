/// What a reward gives the customer.
public enum RewardKind: Hashable, Sendable {
    /// A fixed amount off an order, in minor units of the programme's currency.
    case amountOff(minor: Int64)
    /// A percentage off an order (1…100).
    case percentOff(percent: Int64)
    /// Free shipping on an order.
    case freeShipping
    /// A product (by SKU) added free.
    case freeProduct(sku: String)
    /// Store credit in minor units (e.g. cashback paid out as credit).
    case storeCredit(minor: Int64)
    /// An experience or early access, described in words (no discount code value).
    case experience(description: String)

    /// The name written in programme files.
    public var typeName: String {
        switch self {
        case .amountOff: "amount_off"
        case .percentOff: "percent_off"
        case .freeShipping: "free_shipping"
        case .freeProduct: "free_product"
        case .storeCredit: "store_credit"
        case .experience: "experience"
        }
    }
}

extension RewardKind: Codable {
    enum CodingKeys: String, CodingKey {
        case type
        case amountMinor = "amount_minor"
        case percent, sku, description
    }

    /// Reads `{"type": "amount_off", "amount_minor": 1000}`, `{"type": "percent_off", "percent": 10}`,
    /// `{"type": "free_shipping"}`, `{"type": "free_product", "sku": "MUG"}`,
    /// `{"type": "store_credit", "amount_minor": 500}` or `{"type": "experience", "description": "…"}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let type = try container.decode(String.self, forKey: .type)
        switch type {
        case "amount_off": self = .amountOff(minor: try container.decode(Int64.self, forKey: .amountMinor))
        case "percent_off": self = .percentOff(percent: try container.decode(Int64.self, forKey: .percent))
        case "free_shipping": self = .freeShipping
        case "free_product": self = .freeProduct(sku: try container.decode(String.self, forKey: .sku))
        case "store_credit": self = .storeCredit(minor: try container.decode(Int64.self, forKey: .amountMinor))
        case "experience":
            self = .experience(description: try container.decode(String.self, forKey: .description))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: container,
                debugDescription: "unknown reward type '\(type)'; use amount_off, percent_off, free_shipping, "
                    + "free_product, store_credit or experience")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(typeName, forKey: .type)
        switch self {
        case .amountOff(let minor), .storeCredit(let minor): try container.encode(minor, forKey: .amountMinor)
        case .percentOff(let percent): try container.encode(percent, forKey: .percent)
        case .freeShipping: break
        case .freeProduct(let sku): try container.encode(sku, forKey: .sku)
        case .experience(let description): try container.encode(description, forKey: .description)
        }
    }
}
