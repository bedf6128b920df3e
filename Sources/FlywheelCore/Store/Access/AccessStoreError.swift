/// Errors of the access records (API keys) every engine throws alike.
public struct AccessStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Kind: Hashable, Sendable { case duplicateKey }
    private let kind: Kind
    private let keyID: String

    /// A key with this id or the same secret already exists.
    public static func duplicateKey(id: String) -> AccessStoreError { AccessStoreError(kind: .duplicateKey, keyID: id) }

    public var description: String {
        switch kind {
        case .duplicateKey: "an API key with the id \(keyID) (or the same secret) already exists"
        }
    }
}
