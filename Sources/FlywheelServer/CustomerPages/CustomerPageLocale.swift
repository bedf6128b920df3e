import FlywheelCore
import Hummingbird

/// The language of a customer page: the customer's own locale, else the browser's first German or English
/// `Accept-Language`, else the shop's.
struct CustomerPageLocale: Sendable {
    let language: ShopLocale

    init(customer: Customer?, request: Request, shop: ShopLocale) {
        language = customer?.locale ?? Self.browser(request) ?? shop
    }

    init(_ language: ShopLocale) { self.language = language }

    /// The browser's first German or English `Accept-Language`.
    static func browser(_ request: Request) -> ShopLocale? {
        guard let header = request.headers[.acceptLanguage] else { return nil }
        for part in header.split(separator: ",") {
            let tag = part.split(separator: ";").first.map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
            if let locale = ShopLocale(tag: tag) { return locale }
        }
        return nil
    }
}
