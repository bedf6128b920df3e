public import Foundation

/// A customer's reaction to a message, as the tracking links report it: the message's open pixel was
/// loaded, or one of its links was followed.
///
/// The store keeps one row per message and kind (the first time counts; later ones only raise a counter
/// and the last time), so a customer who opens a message five times opens it once in every report.
public struct MessageEvent: Hashable, Sendable {
    /// What happened.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// The open pixel was loaded (images shown; some clients and privacy proxies load it without a reader).
        case open
        /// A tracked link was followed.
        case click
    }

    /// The outbox message's id.
    public var messageID: String
    public var kind: Kind
    public var at: Date
    /// The link's target for a click (the first click's is kept); `nil` for an open.
    public var url: String?

    public init(messageID: String, kind: Kind, at: Date, url: String? = nil) {
        self.messageID = messageID
        self.kind = kind
        self.at = at
        self.url = url
    }
}
