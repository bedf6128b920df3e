/// Errors of the access records (API keys, admins, sessions) every engine throws alike.
public struct AccessStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Kind: Hashable, Sendable { case duplicateKey, duplicateAdmin, duplicateSession }
    private let kind: Kind
    private let recordID: String

    /// A key with this id or the same secret already exists.
    public static func duplicateKey(id: String) -> AccessStoreError { AccessStoreError(kind: .duplicateKey, recordID: id) }
    /// Another admin (with another username) already has this id.
    public static func duplicateAdmin(id: String) -> AccessStoreError {
        AccessStoreError(kind: .duplicateAdmin, recordID: id)
    }
    /// A session with the same token already exists (the token must be new).
    public static let duplicateSession = AccessStoreError(kind: .duplicateSession, recordID: "")

    public var description: String {
        switch kind {
        case .duplicateKey: "an API key with the id \(recordID) (or the same secret) already exists"
        case .duplicateAdmin: "an admin with the id \(recordID) already exists under another username"
        case .duplicateSession: "a session with this token already exists"
        }
    }
}
