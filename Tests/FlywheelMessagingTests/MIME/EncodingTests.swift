import Foundation
import Testing

@testable import FlywheelMessaging

@Suite("Quoted-printable and encoded-words")
struct EncodingTests {
    @Test("quoted-printable: =, non-ASCII, trailing space and a leading dot are encoded; soft breaks keep lines within 76")
    func quotedPrintable() {
        #expect(QuotedPrintable.encode("a=b") == "a=3Db")
        #expect(QuotedPrintable.encode("Grüße") == "Gr=C3=BC=C3=9Fe")
        #expect(QuotedPrintable.encode("end \nnext\t") == "end=20\r\nnext=09")
        #expect(QuotedPrintable.encode(".dot\r\nx.y") == "=2Edot\r\nx.y")
        let long = String(repeating: "ä", count: 100)
        let encoded = QuotedPrintable.encode(long)
        let lines = encoded.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.count <= 76 })
        #expect(lines.dropLast().allSatisfy { $0.hasSuffix("=") })
        // Soft breaks never split an =XX escape: without its soft break, every "=" of a line starts an escape.
        for line in lines {
            let body = Array(line.hasSuffix("=") ? line.dropLast() : Substring(line))
            for (index, character) in body.enumerated() where character == "=" {
                #expect(index + 2 < body.count && body[index + 1].isHexDigit && body[index + 2].isHexDigit, "split escape in \(line)")
            }
        }
        #expect(encoded.replacingOccurrences(of: "=\r\n", with: "") == String(repeating: "=C3=A4", count: 100))
    }

    @Test("encoded-words are at most 75 characters and never split a character")
    func encodedWords() {
        let words = HeaderEncoding.encodedWords(String(repeating: "Grüße aus Köln ", count: 10))
        #expect(words.count > 1)
        #expect(words.allSatisfy { $0.count <= 75 && $0.hasPrefix("=?UTF-8?Q?") && $0.hasSuffix("?=") })
        for word in words {
            let payload = word.dropFirst(10).dropLast(2)
            var bytes: [UInt8] = []
            var index = payload.startIndex
            while index < payload.endIndex {
                if payload[index] == "=" {
                    let hex = payload[payload.index(after: index)..<payload.index(index, offsetBy: 3)]
                    bytes.append(UInt8(hex, radix: 16)!)
                    index = payload.index(index, offsetBy: 3)
                } else {
                    bytes.append(payload[index] == "_" ? 0x20 : payload[index].asciiValue!)
                    index = payload.index(after: index)
                }
            }
            #expect(String(validating: bytes, as: UTF8.self) != nil, "a word splits a character: \(word)")
        }
    }

    @Test("display names: atoms stay, specials are quoted, non-ASCII is encoded")
    func phrases() {
        #expect(HeaderEncoding.phrase("Anna Schmidt") == "Anna Schmidt")
        #expect(HeaderEncoding.phrase("Schmidt, Anna") == "\"Schmidt, Anna\"")
        #expect(HeaderEncoding.phrase("Say \"hi\"") == "\"Say \\\"hi\\\"\"")
        #expect(HeaderEncoding.phrase("Jörg") == "=?UTF-8?Q?J=C3=B6rg?=")
    }

    @Test("the Date header is RFC 5322 in UTC")
    func date() {
        #expect(RFC5322Date.format(Date(timeIntervalSince1970: 0)) == "Thu, 1 Jan 1970 00:00:00 +0000")
        #expect(RFC5322Date.format(Date(timeIntervalSince1970: 1_795_000_000)) == "Wed, 18 Nov 2026 11:06:40 +0000")
    }
}
