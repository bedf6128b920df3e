public import NIOCore
public import NIOPosix
import NIOSSL

/// One SMTP session on one connection, set up and ready to send: it sends any number of messages, in
/// order, pipelined when the server allows, until `close()`. Safe to use from many tasks at once; their
/// messages share the connection.
public final class SMTPConnection: Sendable {
    private let channel: any Channel
    /// What the server offered after the last EHLO.
    public let capabilities: SMTPServerCapabilities

    private init(channel: any Channel, capabilities: SMTPServerCapabilities) {
        self.channel = channel
        self.capabilities = capabilities
    }

    /// Connects, greets, secures (STARTTLS or implicit TLS) and authenticates as configured.
    /// - Throws: `SMTPError` naming the failed step.
    public static func connect(
        _ configuration: SMTPConfiguration,
        on group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws -> SMTPConnection {
        let tlsContext = try makeTLSContext(configuration)
        let serverName = configuration.tls.serverName ?? (isIPAddress(configuration.host) ? nil : configuration.host)
        let sessionConfiguration = SMTPSessionStateMachine.Configuration(
            security: configuration.security,
            credentials: configuration.credentials,
            authenticationMechanisms: configuration.authenticationMechanisms,
            allowsInsecureAuthentication: configuration.allowsInsecureAuthentication,
            clientName: configuration.clientName,
            usesPipelining: configuration.usesPipelining)
        let eventLoop = group.next()
        let ready = eventLoop.makePromise(of: SMTPServerCapabilities.self)
        let replyTimeout = TimeAmount(configuration.replyTimeout)
        let implicitTLS = configuration.security == .implicitTLS
        let bootstrap = ClientBootstrap(group: eventLoop)
            .connectTimeout(TimeAmount(configuration.connectTimeout))
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let pipeline = channel.pipeline.syncOperations
                    if implicitTLS, let tlsContext {
                        try pipeline.addHandler(NIOSSLClientHandler(context: tlsContext, serverHostname: serverName))
                    }
                    try pipeline.addHandler(ByteToMessageHandler(SMTPReplyDecoder()))
                    try pipeline.addHandler(
                        SMTPChannelHandler(
                            configuration: sessionConfiguration,
                            startTLSContext: implicitTLS ? nil : tlsContext,
                            serverName: serverName,
                            replyTimeout: replyTimeout,
                            readyPromise: ready))
                }
            }
        let channel: any Channel
        do {
            channel = try await bootstrap.connect(host: configuration.host, port: configuration.port).get()
        } catch {
            let failure = SMTPError(code: .connectionFailed, stage: .connect,
                detail: "cannot connect to \(configuration.host):\(configuration.port): \(error)")
            ready.fail(failure)
            throw failure
        }
        do {
            let capabilities = try await ready.futureResult.get()
            return SMTPConnection(channel: channel, capabilities: capabilities)
        } catch {
            channel.close(promise: nil)
            throw error
        }
    }

    /// Sends one message and returns the server's acceptance.
    /// - Throws: `SMTPError`; `isRetryable` tells a temporary failure from a permanent one.
    public func send(_ envelope: SMTPEnvelope) async throws -> SMTPDeliveryReceipt {
        let promise = channel.eventLoop.makePromise(of: SMTPDeliveryReceipt.self)
        channel.writeAndFlush(SMTPRequest.send(envelope, promise)).whenFailure { _ in
            promise.fail(SMTPError(code: .notSent, detail: "the SMTP connection is closed"))
        }
        return try await promise.futureResult.get()
    }

    /// Whether the connection is still open (the server may close idle connections).
    public var isOpen: Bool { channel.isActive }

    /// Sends QUIT after the queued messages and waits until the connection is closed.
    public func close() async {
        let promise = channel.eventLoop.makePromise(of: Void.self)
        channel.writeAndFlush(SMTPRequest.close(promise)).whenFailure { _ in promise.succeed() }
        try? await promise.futureResult.get()
        try? await channel.closeFuture.get()
    }

    private static func makeTLSContext(_ configuration: SMTPConfiguration) throws -> NIOSSLContext? {
        guard configuration.security != .plaintext else { return nil }
        var tls = TLSConfiguration.makeClientConfiguration()
        switch configuration.tls.trustRoots {
        case .system: break
        case .pemFile(let path): tls.trustRoots = .file(path)
        }
        do {
            return try NIOSSLContext(configuration: tls)
        } catch {
            throw SMTPError(code: .tls, stage: .connect, detail: "invalid TLS configuration: \(error)")
        }
    }

    private static func isIPAddress(_ host: String) -> Bool {
        (try? SocketAddress(ipAddress: host, port: 0)) != nil
    }
}

extension TimeAmount {
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
