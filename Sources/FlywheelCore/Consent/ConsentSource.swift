/// Where a consent change came from; kept with every entry of the consent history.
public enum ConsentSource: String, Sendable, Hashable, CaseIterable, Codable {
    /// The shop's API (`POST /api/v1/consent-changes`).
    case api
    /// An order-history or customer file.
    case `import`
    /// A shop webhook (e.g. Shopify's customer update).
    case webhook
    /// The customer's preference page (`/c/preferences`).
    case preferencePage = "preference_page"
    /// The unsubscribe page's button (`GET /c/unsubscribe`, then the form).
    case unsubscribeLink = "unsubscribe_link"
    /// RFC 8058 one-click: the mail client's `POST` with `List-Unsubscribe=One-Click`.
    case oneClick = "one_click"
    /// The double opt-in confirmation (`POST /c/confirm`).
    case doubleOptInConfirmation = "double_opt_in_confirmation"
    /// An owner or operator (dashboard, CLI).
    case admin
    /// The address bounced hard.
    case bounce
    /// The customer marked a message as spam.
    case complaint
    /// The customer was erased (GDPR Art. 17).
    case erasure
}
