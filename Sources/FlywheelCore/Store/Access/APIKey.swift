public import Foundation

/// An API key as stored: its public id, name and scopes, and only a hash of its secret.
///
/// The secret is shown once, when the key is made; a request's `Authorization: Bearer` token is hashed and
/// looked up by `secretHash`. A revoked key stays stored (for the audit trail) and no longer authenticates.
public struct APIKey: Hashable, Sendable {
    /// The public, non-secret id (e.g. `key_3f9a…`), used to revoke it.
    public var id: String
    /// A name for people ("Shopify sync", "BI export").
    public var name: String
    /// What the key may do.
    public var scopes: Set<APIScope>
    /// Hex SHA-256 of the secret.
    public var secretHash: String
    /// When it was made.
    public var createdAt: Date
    /// When it was revoked; `nil` while it is valid.
    public var revokedAt: Date?

    /// Makes a key record.
    public init(
        id: String, name: String, scopes: Set<APIScope>, secretHash: String, createdAt: Date, revokedAt: Date? = nil
    ) {
        self.id = id
        self.name = name
        self.scopes = scopes
        self.secretHash = secretHash
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }

    /// Whether the key still authenticates.
    public var isActive: Bool { revokedAt == nil }

    /// The scopes as stored: sorted, comma-separated.
    public var scopeList: String { scopes.sorted().map(\.rawValue).joined(separator: ",") }

    /// Parses a comma-separated scope list; `nil` when a name is unknown or the list is empty.
    public static func scopes(parsing list: String) -> Set<APIScope>? {
        var result = Set<APIScope>()
        for part in list.split(separator: ",") {
            guard let scope = APIScope(rawValue: part.trimmingCharacters(in: .whitespaces)) else { return nil }
            result.insert(scope)
        }
        return result.isEmpty ? nil : result
    }
}
