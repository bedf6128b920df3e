public import Foundation

/// A person who may sign in to the dashboard: a unique username and a slow, salted hash of the password
/// (bcrypt, made by the server; the store never sees the password).
public struct AdminAccount: Hashable, Sendable {
    /// A stable id (e.g. `adm_3f9a…`), kept when the password changes.
    public var id: String
    /// The name typed at the login, compared exactly.
    public var username: String
    /// The password's hash in its self-describing form (`$2b$12$…`).
    public var passwordHash: String
    /// When the account was made.
    public var createdAt: Date

    /// Makes an account record.
    public init(id: String, username: String, passwordHash: String, createdAt: Date) {
        self.id = id
        self.username = username
        self.passwordHash = passwordHash
        self.createdAt = createdAt
    }
}
