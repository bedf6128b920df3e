import FlywheelTesting
import Foundation
import Testing

@testable import FlywheelMessaging

@Suite("MIME rendering")
struct MailMessageMIMETests {
    let message = SampleMessages.message()

    @Test("CRLF everywhere, ASCII only, no line over 78 characters except unbreakable tokens, none over 998")
    func lineDiscipline() {
        let bytes = message.mimeBytes()
        #expect(bytes.allSatisfy { $0 < 0x80 })
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            #expect(index > 0 && bytes[index - 1] == 0x0D, "bare LF at byte \(index)")
        }
        for (index, byte) in bytes.enumerated() where byte == 0x0D {
            #expect(index + 1 < bytes.count && bytes[index + 1] == 0x0A, "bare CR at byte \(index)")
        }
        let text = message.mimeText()
        let headerEnd = text.range(of: "\r\n\r\n")!.lowerBound
        let bodyLines = text[headerEnd...].components(separatedBy: "\r\n")
        #expect(bodyLines.allSatisfy { $0.count <= 76 }, "a body line is longer than 76")
        let headerLines = text[..<headerEnd].components(separatedBy: "\r\n")
        #expect(headerLines.allSatisfy { $0.count <= 998 })
        // Only the header lines carrying a single encoded-word or URL may exceed 78.
        for line in headerLines where line.count > 78 {
            #expect(line.contains("=?UTF-8?Q?") || line.contains("https://"), "overlong header line: \(line)")
        }
    }

    @Test("Python's email package reads back subject, names, both parts and every header", .enabled(if: LocalServers.runPythonTests, LocalServers.pythonSkipReason))
    func parsedByPython() async throws {
        let parsed = try await PythonMailParser.parse(message.mimeBytes())
        #expect(parsed.defects.isEmpty)
        #expect(parsed.contentType == "multipart/alternative")
        #expect(parsed.subject == SampleMessages.subject)
        #expect(parsed.from.map(\.name) == ["Müller & Söhne, Köln"])
        #expect(parsed.from.map(\.address) == ["shop@example.de"])
        #expect(parsed.to.map(\.name) == ["Jürgen Groß"])
        #expect(parsed.parts.map(\.contentType) == ["text/plain", "text/html"])
        #expect(parsed.parts.map(\.charset) == ["utf-8", "utf-8"])
        #expect(parsed.parts.map(\.transferEncoding) == ["quoted-printable", "quoted-printable"])
        #expect(parsed.parts.first?.content == SampleMessages.text)
        #expect(parsed.parts.last?.content == SampleMessages.html)
        #expect(parsed.headers["Message-ID"] == "<\(message.messageID)>")
        #expect(parsed.headers["Date"] == "Wed, 18 Nov 2026 11:06:40 +0000")
        #expect(parsed.headers["MIME-Version"] == "1.0")
        #expect(parsed.headers["List-Unsubscribe"] == "<https://shop.example.de/u/abc123?sig=Zm9v>, <mailto:unsubscribe+abc123@example.de>")
        #expect(parsed.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click")
        #expect(parsed.headers["X-Flywheel-Message-Key"] == "flow-7/step-2/customer-1")
        #expect(parsed.headers["Reply-To"] == "Kundenservice <hilfe@example.de>")
    }

    @Test("a text-only message is a single text/plain part; no unsubscribe headers when none are given", .enabled(if: LocalServers.runPythonTests, LocalServers.pythonSkipReason))
    func textOnly() async throws {
        var plain = message
        plain.html = nil
        plain.unsubscribe = nil
        plain.messageKey = nil
        let parsed = try await PythonMailParser.parse(plain.mimeBytes())
        #expect(parsed.contentType == "text/plain")
        #expect(parsed.parts.first?.content == SampleMessages.text + "\n")  // a single part keeps its last line end
        #expect(parsed.headers["List-Unsubscribe"] == nil)
        #expect(parsed.headers["List-Unsubscribe-Post"] == nil)
        #expect(parsed.headers["X-Flywheel-Message-Key"] == nil)
    }

    @Test("header injection through a subject or name is neutralised", .enabled(if: LocalServers.runPythonTests, LocalServers.pythonSkipReason))
    func headerInjection() async throws {
        var evil = message
        evil.subject = "Hallo\r\nBcc: victim@example.com"
        evil.to = [MailAddress("anna@example.de", name: "Anna\r\nBcc: victim@example.com")]
        let parsed = try await PythonMailParser.parse(evil.mimeBytes())
        #expect(parsed.headers["Bcc"] == nil)
        #expect(parsed.subject == "Hallo  Bcc: victim@example.com")
        #expect(parsed.to.map(\.address) == ["anna@example.de"])
        #expect(parsed.to.map(\.name) == ["Anna  Bcc: victim@example.com"])
    }

    @Test("Message-IDs are unique and on our domain")
    func messageIDs() {
        let ids = (0..<1000).map { _ in MailMessage.makeMessageID(domain: "mail.example.de") }
        #expect(Set(ids).count == 1000)
        #expect(ids.allSatisfy { $0.hasSuffix("@mail.example.de") })
    }
}
