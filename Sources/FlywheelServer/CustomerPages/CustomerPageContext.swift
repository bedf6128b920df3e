import FlywheelCore
import Foundation

/// What every customer page needs: the store's consent operations, the link signer, the renderer, the shop's
/// language and the clock. Each page is its own routes type (`UnsubscribePageRoutes`, `PreferencePageRoutes`,
/// `ConfirmOptInPageRoutes`, …) made from this, so pages are added without touching each other.
struct CustomerPageContext: Sendable {
    let desk: ConsentDesk
    let renderer: CustomerPageRenderer
    let shopLocale: ShopLocale
    let now: @Sendable () -> Date

    var store: any FlywheelStore { desk.store }
    var signer: CustomerLinkSigner { desk.links.signer }
    var gate: CustomerLinkGate { CustomerLinkGate(signer: signer, renderer: renderer, shopLocale: shopLocale) }

    /// A page's own address with its token, relative to the server (forms post back to it).
    static func action(_ path: String, token: String) -> String { "\(path)?t=\(token)" }

    /// A URL's path and query, so links work whatever host the customer reached the server by.
    static func relative(_ url: URL) -> String {
        let components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        return (components?.percentEncodedPath ?? "/") + (components?.percentEncodedQuery.map { "?" + $0 } ?? "")
    }
}
