import NIOCore

/// The DATA transparency procedure (RFC 5321 §4.5.2): a line that starts with "." gets one more ".", bare
/// LF and CR become CRLF, and the content ends with CRLF "." CRLF.
enum DotStuffing {
    /// Writes the message as DATA content, terminator included, into the buffer.
    static func write(_ message: some Collection<UInt8>, into buffer: inout ByteBuffer) {
        buffer.reserveCapacity(minimumWritableBytes: message.count + message.count / 64 + 8)
        var atLineStart = true
        var previous: UInt8 = 0
        var runStart = message.startIndex
        var index = message.startIndex
        // Runs of ordinary bytes are copied at once; only line starts and line ends are looked at.
        while index != message.endIndex {
            let byte = message[index]
            switch byte {
            case UInt8(ascii: "."):
                if atLineStart {
                    buffer.writeBytes(message[runStart..<index])
                    buffer.writeInteger(UInt8(ascii: "."))
                    runStart = index
                }
                atLineStart = false
            case UInt8(ascii: "\n"):
                if previous != UInt8(ascii: "\r") {
                    buffer.writeBytes(message[runStart..<index])
                    buffer.writeInteger(UInt8(ascii: "\r"))
                    runStart = index
                }
                atLineStart = true
            case UInt8(ascii: "\r"):
                let next = message.index(after: index)
                if next == message.endIndex || message[next] != UInt8(ascii: "\n") {
                    buffer.writeBytes(message[runStart...index])
                    buffer.writeInteger(UInt8(ascii: "\n"))
                    runStart = next
                    atLineStart = true
                    previous = UInt8(ascii: "\n")
                    index = next
                    continue
                }
                atLineStart = false
            default:
                atLineStart = false
            }
            previous = byte
            index = message.index(after: index)
        }
        buffer.writeBytes(message[runStart..<message.endIndex])
        if !message.isEmpty && !atLineStart {
            buffer.writeString("\r\n")
        }
        buffer.writeString(".\r\n")
    }
}
