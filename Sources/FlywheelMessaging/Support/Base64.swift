import Foundation

/// Base64 (RFC 4648) for AUTH payloads and MIME encoded-words.
enum Base64 {
    static func encode(_ bytes: some Sequence<UInt8>) -> String {
        Data(bytes).base64EncodedString()
    }
}
