import FlywheelCore
import Hummingbird

/// The dashboard's language for a request: the `fw_lang` cookie a switch remembered, else `?lang=` (the
/// login page's links), else the browser's first German or English `Accept-Language`, else the shop's.
enum DashboardLocale {
    static let cookieName = "fw_lang"

    static func of(_ request: Request, shop: ShopLocale) -> ShopLocale {
        if let value = request.uri.queryParameters.get("lang"), let locale = ShopLocale(tag: value) { return locale }
        if let value = request.cookies[cookieName]?.value, let locale = ShopLocale(tag: value) { return locale }
        if let header = request.headers[.acceptLanguage] {
            for part in header.split(separator: ",") {
                let tag = part.split(separator: ";").first.map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
                if let locale = ShopLocale(tag: tag) { return locale }
            }
        }
        return shop
    }
}
