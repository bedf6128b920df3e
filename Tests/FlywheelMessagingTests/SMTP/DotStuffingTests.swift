import NIOCore
import Testing

@testable import FlywheelMessaging

@Suite("DATA dot-stuffing")
struct DotStuffingTests {
    private func stuffed(_ text: String) -> String {
        var buffer = ByteBuffer()
        DotStuffing.write(Array(text.utf8), into: &buffer)
        return String(buffer: buffer)
    }

    @Test("lines that start with a dot get another dot; the terminator follows")
    func leadingDots() {
        #expect(stuffed(".hidden\r\nok\r\n..two\r\n") == "..hidden\r\nok\r\n...two\r\n.\r\n")
        #expect(stuffed("a.b\r\n.\r\n") == "a.b\r\n..\r\n.\r\n")
    }

    @Test("bare LF and CR become CRLF; a missing final line end is added")
    func lineEnds() {
        #expect(stuffed("a\nb\rc") == "a\r\nb\r\nc\r\n.\r\n")
        #expect(stuffed("x\n.y\n") == "x\r\n..y\r\n.\r\n")
        #expect(stuffed("") == ".\r\n")
    }

    @Test("UTF-8 content passes unchanged")
    func utf8() {
        #expect(stuffed("Grüße\r\n") == "Grüße\r\n.\r\n")
    }
}
