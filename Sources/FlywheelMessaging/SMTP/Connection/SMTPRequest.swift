import NIOCore

/// What `SMTPConnection` writes into its channel for `SMTPChannelHandler`.
enum SMTPRequest: Sendable {
    /// Send a message; the promise completes with the server's verdict.
    case send(SMTPEnvelope, EventLoopPromise<SMTPDeliveryReceipt>)
    /// QUIT after the queued messages; the promise completes when the connection is closed.
    case close(EventLoopPromise<Void>)
}
