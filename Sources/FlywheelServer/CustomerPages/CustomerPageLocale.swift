import FlywheelCore
import Hummingbird

/// The language of a customer page: the customer's own locale, else the browser's first German or English
/// `Accept-Language`, else the shop's.
struct CustomerPageLocale: Sendable {
    let language: ShopLocale

    init(customer: Customer?, request: Request, shop: ShopLocale) {
        if let locale = customer?.locale {
            language = locale
            return
        }
        if let header = request.headers[.acceptLanguage] {
            for part in header.split(separator: ",") {
                let tag = part.split(separator: ";").first.map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
                if let locale = ShopLocale(tag: tag) {
                    language = locale
                    return
                }
            }
        }
        language = shop
    }
}
