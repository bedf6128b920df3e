public import FlywheelCore
public import Foundation
import Crypto

/// Makes API keys: a random secret shown once, and the record that keeps only its SHA-256.
///
/// A secret reads `fw_` followed by 43 base64url characters (32 random bytes); the key's public id is
/// `key_` and 16 hex characters.
public enum APIKeyIssuer {
    /// A new key with its secret. Store the record; print the secret once.
    public static func issue(name: String, scopes: Set<APIScope>, now: Date) -> (key: APIKey, secret: String) {
        var generator = SystemRandomNumberGenerator()
        let secretBytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let idBytes = (0..<8).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let secret = "fw_" + Base64URL.encode(secretBytes)
        let id = "key_" + idBytes.map { String(format: "%02x", $0) }.joined()
        let key = APIKey(id: id, name: name, scopes: scopes, secretHash: hash(secret: secret), createdAt: now)
        return (key, secret)
    }

    /// The stored form of a secret: lower-case hex SHA-256 of its UTF-8 bytes.
    public static func hash(secret: String) -> String {
        hex(SHA256.hash(data: Data(secret.utf8)))
    }

    /// Lower-case hex of bytes (this runs on every request: no format strings).
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
