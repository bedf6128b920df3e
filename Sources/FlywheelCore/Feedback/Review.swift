public import Foundation

/// A product review: 1–5 stars, text in the customer's language, whether it has photos.
public struct Review: Hashable, Sendable {
    public var externalID: String
    public var customerExternalID: String
    public var orderExternalID: String?
    public var sku: String
    public var rating: Int
    public var title: String?
    public var body: String?
    public var locale: ShopLocale?
    public var hasPhoto: Bool
    public var createdAt: Date

    public init(
        externalID: String, customerExternalID: String, orderExternalID: String? = nil, sku: String, rating: Int,
        title: String? = nil, body: String? = nil, locale: ShopLocale? = nil, hasPhoto: Bool = false, createdAt: Date
    ) {
        self.externalID = externalID
        self.customerExternalID = customerExternalID
        self.orderExternalID = orderExternalID
        self.sku = sku
        self.rating = rating
        self.title = title
        self.body = body
        self.locale = locale
        self.hasPhoto = hasPhoto
        self.createdAt = createdAt
    }
}
