/// What a message template may say about the shop, the customer and their order: the values behind the
/// shipped templates' variables (docs/messaging.md lists them), already formatted for the message's locale.
/// `values` gives the `TemplateValue` tree to render with; anything left `nil` or empty hides its section.
public struct MessageContext: Sendable, Hashable {
    /// The shop as the footer and signature show it.
    public struct Shop: Sendable, Hashable {
        public var name: String
        public var url: String
        public var supportEmail: String
        public var address: String
        public var signature: String

        public init(name: String, url: String = "", supportEmail: String = "", address: String = "", signature: String? = nil) {
            self.name = name
            self.url = url
            self.supportEmail = supportEmail
            self.address = address
            self.signature = signature ?? name
        }
    }

    /// One line of an order or a cart: `2 × Espresso – 31,80 €`.
    public struct Line: Sendable, Hashable {
        public var name: String
        public var quantity: Int
        /// The line's price, formatted.
        public var price: String

        public init(name: String, quantity: Int, price: String) {
            self.name = name
            self.quantity = quantity
            self.price = price
        }
    }

    /// The order a message is about.
    public struct Order: Sendable, Hashable {
        public var number: String
        /// The total, formatted.
        public var total: String
        /// E.g. `bis Donnerstag, 26. November`; `nil` when nothing was promised or it has arrived.
        public var deliveryWindow: String?
        public var lines: [Line]

        public init(number: String, total: String, deliveryWindow: String? = nil, lines: [Line] = []) {
            self.number = number
            self.total = total
            self.deliveryWindow = deliveryWindow
            self.lines = lines
        }
    }

    /// Points as the loyalty programme knows them (all formatted).
    public struct Points: Sendable, Hashable {
        public var balance: Int?
        public var expiring: Int?
        public var expiryDate: String?
        /// What the balance is worth, e.g. `8,40 €`.
        public var value: String?
        /// What the expiring points are worth, e.g. `2,00 €`.
        public var expiringValue: String?

        public init(
            balance: Int? = nil, expiring: Int? = nil, expiryDate: String? = nil, value: String? = nil,
            expiringValue: String? = nil
        ) {
            self.balance = balance
            self.expiring = expiring
            self.expiryDate = expiryDate
            self.value = value
            self.expiringValue = expiringValue
        }
    }

    /// A coupon or other incentive the message carries.
    public struct Offer: Sendable, Hashable {
        /// E.g. `10 % Rabatt auf Ihre nächste Bestellung`.
        public var description: String
        public var code: String?
        /// The last day it is valid, formatted.
        public var expires: String?

        public init(description: String, code: String? = nil, expires: String? = nil) {
            self.description = description
            self.code = code
            self.expires = expires
        }
    }

    /// A product suggestion with its page.
    public struct Recommendation: Sendable, Hashable {
        public var name: String
        public var url: String

        public init(name: String, url: String) {
            self.name = name
            self.url = url
        }
    }

    public var shop: Shop
    /// `nil` or empty: the templates greet without a name ("Guten Tag," / "Hello,").
    public var firstName: String?
    public var order: Order?
    /// The product a review, reorder or complete-the-set message is about.
    public var productName: String?
    public var cart: [Line]
    /// What the cart comes to, formatted (`cart.total`); `nil` hides it.
    public var cartTotal: String?
    public var points: Points?
    public var tierName: String?
    public var offer: Offer?
    public var recommendations: [Recommendation]
    /// A line the shop writes by hand (or picks) for this customer.
    public var personalLine: String?
    /// A reference of the make-it-right case.
    public var ticketReference: String?
    /// Links by name: `unsubscribe`, `preferences`, `review`, `check_in_ok`, `check_in_problem`, `shop`,
    /// `reorder`, `cart`. The unsubscribe and preference links show in the footer when set.
    public var links: [String: String]
    /// The statutory objection notice of the existing-customer exemption (§ 7 Abs. 3 UWG); set it when the
    /// consent decision says `needsOptOutNotice`.
    public var optOutNotice: Bool

    public init(
        shop: Shop, firstName: String? = nil, order: Order? = nil, productName: String? = nil, cart: [Line] = [],
        points: Points? = nil, tierName: String? = nil, offer: Offer? = nil, recommendations: [Recommendation] = [],
        personalLine: String? = nil, ticketReference: String? = nil, links: [String: String] = [:],
        optOutNotice: Bool = false
    ) {
        self.shop = shop
        self.firstName = firstName
        self.order = order
        self.productName = productName
        self.cart = cart
        self.points = points
        self.tierName = tierName
        self.offer = offer
        self.recommendations = recommendations
        self.personalLine = personalLine
        self.ticketReference = ticketReference
        self.links = links
        self.optOutNotice = optOutNotice
    }

    /// The values to render a template with.
    public var values: TemplateValue {
        var root: [String: TemplateValue] = [
            "shop": .object(
                Self.fields([
                    "name": shop.name, "url": shop.url, "support_email": shop.supportEmail, "address": shop.address,
                    "signature": shop.signature,
                ])),
            "customer": .object(Self.fields(["first_name": firstName])),
            "links": .object(links.filter { !$0.value.isEmpty }.mapValues(TemplateValue.string)),
            "consent": ["optout_notice": .bool(optOutNotice)],
            "recommendations": .list(recommendations.map { ["name": .string($0.name), "url": .string($0.url)] }),
            "cart": .object(["items": Self.lines(cart)].merging(Self.fields(["total": cartTotal])) { $1 }),
        ]
        if let order {
            var fields: [String: TemplateValue] = [
                "number": .string(order.number), "total": .string(order.total), "items": Self.lines(order.lines),
            ]
            if let window = order.deliveryWindow, !window.isEmpty { fields["delivery_window"] = .string(window) }
            root["order"] = .object(fields)
        }
        if let productName, !productName.isEmpty { root["product"] = ["name": .string(productName)] }
        if let points {
            var fields = Self.fields([
                "expiry_date": points.expiryDate, "value": points.value, "expiring_value": points.expiringValue,
            ])
            if let balance = points.balance { fields["balance"] = .integer(balance) }
            if let expiring = points.expiring { fields["expiring"] = .integer(expiring) }
            root["points"] = .object(fields)
        }
        if let tierName, !tierName.isEmpty { root["tier"] = ["name": .string(tierName)] }
        if let offer {
            root["offer"] = .object(
                Self.fields(["description": offer.description, "code": offer.code, "expires": offer.expires]))
        }
        if let personalLine, !personalLine.isEmpty { root["personal_line"] = .string(personalLine) }
        if let ticketReference, !ticketReference.isEmpty { root["ticket"] = ["reference": .string(ticketReference)] }
        return .object(root)
    }

    /// The non-empty strings of `fields` (an empty string would still open a Mustache section).
    private static func fields(_ fields: [String: String?]) -> [String: TemplateValue] {
        var result: [String: TemplateValue] = [:]
        for (key, value) in fields {
            if let value, !value.isEmpty { result[key] = .string(value) }
        }
        return result
    }

    private static func lines(_ lines: [Line]) -> TemplateValue {
        .list(lines.map { ["name": .string($0.name), "quantity": .integer($0.quantity), "price": .string($0.price)] })
    }
}
