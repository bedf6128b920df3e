import NIOCore

/// Decodes bytes from the server into replies: lines of `code-text` continue a reply, `code text` (or a
/// bare code) ends it (RFC 5321 §4.2.1). Lines end with CRLF; a bare LF is tolerated.
struct SMTPReplyDecoder: ByteToMessageDecoder {
    typealias InboundOut = SMTPReply

    /// The longest line accepted (RFC 5321 allows 512 octets for a reply line; servers send longer ones).
    static let maximumLineLength = 4096

    private var pendingCode: Int?
    private var pendingLines: [String] = []

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let reply = try decodeReply(from: &buffer) else { return .needMoreData }
        context.fireChannelRead(Self.wrapInboundOut(reply))
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws
        -> DecodingState
    {
        try decode(context: context, buffer: &buffer)
    }

    /// Reads lines from the buffer until one reply is complete; returns nil when more bytes are needed.
    mutating func decodeReply(from buffer: inout ByteBuffer) throws -> SMTPReply? {
        while true {
            let view = buffer.readableBytesView
            guard let newline = view.firstIndex(of: UInt8(ascii: "\n")) else {
                if buffer.readableBytes > Self.maximumLineLength { throw SMTPError.malformedReply("line too long") }
                return nil
            }
            let lineLength = newline - view.startIndex
            var line = buffer.readSlice(length: lineLength + 1)!
            var end = lineLength
            if end > 0, line.getInteger(at: line.readerIndex + end - 1, as: UInt8.self) == UInt8(ascii: "\r") {
                end -= 1
            }
            let bytes = line.readBytes(length: end) ?? []
            guard bytes.count >= 3, bytes[0..<3].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
                throw SMTPError.malformedReply("a reply line does not start with a three-digit code")
            }
            let code = Int(bytes[0] - 0x30) * 100 + Int(bytes[1] - 0x30) * 10 + Int(bytes[2] - 0x30)
            let separator: UInt8? = bytes.count > 3 ? bytes[3] : nil
            guard separator == nil || separator == UInt8(ascii: " ") || separator == UInt8(ascii: "-") else {
                throw SMTPError.malformedReply("a reply line has no space or hyphen after its code")
            }
            if let pendingCode, pendingCode != code {
                throw SMTPError.malformedReply("a multi-line reply changes its code from \(pendingCode) to \(code)")
            }
            let text = bytes.count > 4 ? String(decoding: bytes[4...], as: UTF8.self) : ""
            pendingLines.append(text)
            if separator == UInt8(ascii: "-") {
                pendingCode = code
                continue
            }
            let reply = SMTPReply(code: code, lines: pendingLines)
            pendingCode = nil
            pendingLines = []
            return reply
        }
    }
}
