public import Foundation

/// A signed-in dashboard session as stored: only a hash of the cookie's secret token, whose admin it is and
/// until when it is valid. Signing out deletes it; an expired one no longer authenticates.
public struct AdminSession: Hashable, Sendable {
    /// Hex SHA-256 of the session token the browser holds.
    public var tokenHash: String
    /// The admin it belongs to (`AdminAccount.id`).
    public var adminID: String
    public var createdAt: Date
    public var expiresAt: Date

    /// Makes a session record.
    public init(tokenHash: String, adminID: String, createdAt: Date, expiresAt: Date) {
        self.tokenHash = tokenHash
        self.adminID = adminID
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }

    /// Whether the session still authenticates at `now`.
    public func isValid(at now: Date) -> Bool { now < expiresAt }
}
