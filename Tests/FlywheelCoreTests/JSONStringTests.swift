import FlywheelCore
import Foundation
import Testing

@Suite("JSONString: a string as JSONEncoder writes it without escaping slashes")
struct JSONStringTests {
    static func reference(_ text: String) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return String(decoding: try encoder.encode(text), as: UTF8.self)
    }

    static func ours(_ text: String) -> String {
        var bytes: [UInt8] = []
        JSONString.append(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test("every ASCII character alone, and text with quotes, controls, slashes and non-ASCII")
    func asJSONEncoder() throws {
        for scalar in 0..<128 {
            let text = String(UnicodeScalar(UInt8(scalar)))
            #expect(Self.ours(text) == (try Self.reference(text)), "U+\(String(scalar, radix: 16))")
        }
        for text in ["", "plain", "a/b\\c\"d", "line\nbreak\r\ttab\u{8}\u{C}", "\u{0}\u{1F}\u{7F}", "grün 🙂 ß", "<b>&amp;</b>"] {
            #expect(Self.ours(text) == (try Self.reference(text)), "\(text)")
        }
    }
}
