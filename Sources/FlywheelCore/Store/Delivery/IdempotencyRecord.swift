public import Foundation

/// The remembered answer to a POST sent with an `Idempotency-Key`: a retry with the same key and the same
/// body gets the same answer; the same key with another body is refused.
public struct IdempotencyRecord: Hashable, Sendable {
    /// The key, scoped by the caller (API key id + ":" + the header's value).
    public var key: String
    /// A hash of the request (method, path and body), to tell a retry from a reuse of the key.
    public var requestHash: String
    /// The HTTP status answered.
    public var statusCode: Int
    /// The body answered.
    public var body: Data
    /// When it was first answered.
    public var createdAt: Date

    /// Makes a record.
    public init(key: String, requestHash: String, statusCode: Int, body: Data, createdAt: Date) {
        self.key = key
        self.requestHash = requestHash
        self.statusCode = statusCode
        self.body = body
        self.createdAt = createdAt
    }
}
