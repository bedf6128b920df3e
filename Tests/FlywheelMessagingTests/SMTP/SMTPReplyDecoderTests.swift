import NIOCore
import Testing

@testable import FlywheelMessaging

@Suite("SMTP reply decoder")
struct SMTPReplyDecoderTests {
    private func decode(_ chunks: [String]) throws -> [SMTPReply] {
        var decoder = SMTPReplyDecoder()
        var buffer = ByteBuffer()
        var replies: [SMTPReply] = []
        for chunk in chunks {
            buffer.writeString(chunk)
            while let reply = try decoder.decodeReply(from: &buffer) { replies.append(reply) }
        }
        return replies
    }

    @Test("a multi-line EHLO reply is one reply with every line")
    func multiLine() throws {
        let replies = try decode(["250-sink.localhost\r\n250-PIPELINING\r\n250-AUTH PLAIN LOGIN\r\n250 HELP\r\n"])
        #expect(replies == [SMTPReply(code: 250, lines: ["sink.localhost", "PIPELINING", "AUTH PLAIN LOGIN", "HELP"])])
        let capabilities = SMTPServerCapabilities(ehloReply: replies[0])
        #expect(capabilities.pipelining)
        #expect(capabilities.authenticationMechanisms == ["PLAIN", "LOGIN"])
        #expect(!capabilities.startTLS)
    }

    @Test("replies split across reads, bare LF and a bare code are decoded")
    func splitReads() throws {
        let replies = try decode(["22", "0 ready\r", "\n354\n250-a\r\n", "250 b\r\n"])
        #expect(replies.map(\.code) == [220, 354, 250])
        #expect(replies[0].text == "ready")
        #expect(replies[1].lines == [""])
        #expect(replies[2].lines == ["a", "b"])
    }

    @Test("enhanced status codes are read from the first line")
    func enhancedStatus() throws {
        let replies = try decode(["550 5.1.1 Mailbox unavailable\r\n", "250 OK\r\n"])
        #expect(replies[0].enhancedStatus == "5.1.1")
        #expect(replies[0].isPermanentNegative)
        #expect(replies[1].enhancedStatus == nil)
    }

    @Test("garbage and a code change inside a reply are errors")
    func malformed() {
        #expect(throws: SMTPError.self) { try self.decode(["hello\r\n"]) }
        #expect(throws: SMTPError.self) { try self.decode(["250-a\r\n251 b\r\n"]) }
        #expect(throws: SMTPError.self) { try self.decode(["250_x\r\n"]) }
    }
}
