import FlywheelCore

/// What every page shows around its content: the language and its words, the title, the navigation with
/// the current page marked, who is signed in with the CSRF token for the header's forms, the "as of" line
/// and a notice. `content` holds the page's own values.
struct DashboardView {
    var locale: ShopLocale
    var title: String
    var path: String
    var shop: String
    var session: DashboardSession?
    var asOfText: String?
    var notice: String?
    var content: [String: Any] = [:]

    var text: [String: String] { DashboardText.table(locale) }

    static let pages = [
        ("/", "nav_overview"), ("/funnel", "nav_funnel"), ("/cohorts", "nav_cohorts"), ("/segments", "nav_segments"),
        ("/customers", "nav_customers"), ("/loyalty", "nav_loyalty"), ("/flows", "nav_flows"),
        ("/feedback", "nav_feedback"), ("/delivery", "nav_delivery"),
    ]

    func context() -> [String: Any] {
        let t = text
        var context = content
        context["lang"] = locale.rawValue
        context["isDE"] = locale == .de
        context["isEN"] = locale == .en
        context["t"] = t
        context["title"] = title
        context["shop"] = shop
        context["path"] = path
        if let asOfText { context["asOfText"] = asOfText }
        if let notice { context["notice"] = notice }
        if let session {
            context["signedIn"] = true
            context["username"] = session.admin.username
            context["csrf"] = session.csrfToken
            context["nav"] = Self.pages.map { href, key in
                let current = href == "/" ? path == "/" : path == href || path.hasPrefix(href + "/")
                return ["href": href, "label": t[key] ?? key, "current": current] as [String: Any]
            }
        }
        return context
    }
}
