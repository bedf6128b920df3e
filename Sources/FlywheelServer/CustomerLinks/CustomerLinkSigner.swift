import Crypto
public import Foundation

/// Signs and checks `CustomerLink`s: the token is `base64url(claim) "." base64url(HMAC-SHA256(key, claim))`,
/// the claim being purpose, customer, expiry and detail, each prefixed by its UTF-8 length (`5:hello`), so no
/// value can run into the next whatever bytes it holds.
///
/// The key is the server's link secret (`flywheel serve --link-secret` / `FLYWHEEL_LINK_SECRET`); tokens stay
/// valid across restarts only with a configured secret. Comparison is constant-time.
public struct CustomerLinkSigner: Sendable {
    /// Why a token was refused. The page shows one message for all of them (no oracle for forgers).
    public enum Rejection: Error, Sendable, Equatable {
        case malformed
        case badSignature
        case expired
        case wrongPurpose
    }

    private let secret: Data
    private var key: SymmetricKey { SymmetricKey(data: secret) }

    /// A signer with the given secret (at least 32 bytes of entropy are expected; any length works).
    public init(secret: Data) {
        self.secret = secret
    }

    /// A signer with a fresh random key: links die when the process ends.
    public static func ephemeral() -> CustomerLinkSigner {
        CustomerLinkSigner(secret: SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) })
    }

    /// A secret for another purpose derived from the link secret (HMAC-SHA256 of `label`, hex): stable as
    /// long as the link secret is, unrelated to it for anyone without it.
    public func derivedSecret(label: String) -> String {
        HMAC<SHA256>.authenticationCode(for: Data(label.utf8), using: key).map { String(format: "%02x", $0) }.joined()
    }

    /// The token for a link.
    public func token(for link: CustomerLink) -> String {
        let claim = Self.claim(link)
        let mac = HMAC<SHA256>.authenticationCode(for: claim, using: key)
        return Base64URL.encode(claim) + "." + Base64URL.encode(Data(mac))
    }

    /// The link a token grants, if it is genuine, unexpired at `now` and for `purpose`.
    public func verify(_ token: String, purpose: CustomerLink.Purpose, now: Date) -> Result<CustomerLink, Rejection> {
        guard token.utf8.count <= 2048 else { return .failure(.malformed) }
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let claim = Base64URL.decode(String(parts[0])),
            let mac = Base64URL.decode(String(parts[1]))
        else { return .failure(.malformed) }
        guard HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: claim, using: key) else {
            return .failure(.badSignature)
        }
        guard let fields = Self.fields(of: [UInt8](claim)), fields.count == 4, let seconds = Int64(fields[2]) else {
            return .failure(.malformed)
        }
        let link = CustomerLink(
            purpose: .init(rawValue: fields[0]), customer: fields[1],
            expiresAt: Date(timeIntervalSince1970: TimeInterval(seconds)), detail: fields[3])
        guard link.purpose == purpose else { return .failure(.wrongPurpose) }
        guard now < link.expiresAt else { return .failure(.expired) }
        return .success(link)
    }

    private static func claim(_ link: CustomerLink) -> Data {
        var bytes = [UInt8]()
        for part in [
            link.purpose.rawValue, link.customer, String(Int64(link.expiresAt.timeIntervalSince1970)), link.detail,
        ] {
            bytes.append(contentsOf: "\(part.utf8.count):".utf8)
            bytes.append(contentsOf: part.utf8)
        }
        return Data(bytes)
    }

    /// The length-prefixed parts of a claim, or nil when it is not exactly a sequence of them.
    private static func fields(of bytes: [UInt8]) -> [String]? {
        var fields = [String]()
        var index = 0
        while index < bytes.count {
            var length = 0
            while index < bytes.count, bytes[index] != UInt8(ascii: ":") {
                let digit = Int(bytes[index]) - Int(UInt8(ascii: "0"))
                guard (0...9).contains(digit), length < 1 << 20 else { return nil }
                length = length * 10 + digit
                index += 1
            }
            guard index < bytes.count, index + 1 + length <= bytes.count else { return nil }
            fields.append(String(decoding: bytes[(index + 1)..<(index + 1 + length)], as: UTF8.self))
            index += 1 + length
        }
        return fields
    }
}
