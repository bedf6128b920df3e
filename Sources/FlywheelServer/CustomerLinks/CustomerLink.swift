public import Foundation

/// What a signed customer link grants: one purpose, for one customer, until a time.
///
/// Customers reach their pages (loyalty balance, e-mail preferences, one-click unsubscribe) without an
/// account, by a link in a message. The link carries this claim and an HMAC over it (`CustomerLinkSigner`),
/// so it cannot be forged or moved to another customer or purpose, and it stops working at `expiresAt`.
public struct CustomerLink: Sendable, Hashable {
    /// What the link opens. Purposes are separate keys' worth of trust: a loyalty-page link never unsubscribes.
    public struct Purpose: RawRepresentable, Sendable, Hashable {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The customer's loyalty page (balance, tier progress, rewards, referral link).
        public static let loyalty = Purpose(rawValue: "loyalty")
        /// The e-mail/SMS preference page.
        public static let preferences = Purpose(rawValue: "preferences")
        /// One-click unsubscribe (RFC 8058) from one channel's marketing.
        public static let unsubscribe = Purpose(rawValue: "unsubscribe")
        /// Confirming a marketing opt-in (double opt-in).
        public static let confirmOptIn = Purpose(rawValue: "confirm-opt-in")
        /// Answering a question asked in a message (the delivery check-in's "did everything arrive well?").
        public static let answer = Purpose(rawValue: "answer")
        /// A message's open pixel (the message id in `detail`; `customer` empty).
        public static let open = Purpose(rawValue: "open")
        /// A message's tracked link (`detail`: the message id, a space, the target URL; `customer` empty).
        public static let click = Purpose(rawValue: "click")
    }

    public var purpose: Purpose
    /// The customer's external id.
    public var customer: String
    /// The link is refused from this instant on (stored to the second).
    public var expiresAt: Date
    /// Optional purpose-specific detail (e.g. the channel of an unsubscribe link); part of what is signed.
    public var detail: String

    public init(purpose: Purpose, customer: String, expiresAt: Date, detail: String = "") {
        self.purpose = purpose
        self.customer = customer
        self.expiresAt = Date(timeIntervalSince1970: expiresAt.timeIntervalSince1970.rounded(.down))
        self.detail = detail
    }
}
