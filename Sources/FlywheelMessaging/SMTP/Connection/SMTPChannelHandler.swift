import NIOCore
import NIOSSL
import NIOTLS

/// The thin NIO side of an SMTP session: feeds replies, TLS events, requests and errors into
/// `SMTPSessionStateMachine` and performs the actions it returns (writes, STARTTLS upgrade, completing
/// promises, closing). Also runs the reply timer.
final class SMTPChannelHandler: ChannelDuplexHandler {
    typealias InboundIn = SMTPReply
    typealias OutboundIn = SMTPRequest
    typealias OutboundOut = ByteBuffer

    private var stateMachine: SMTPSessionStateMachine
    private let readyPromise: EventLoopPromise<SMTPServerCapabilities>
    private let startTLSContext: NIOSSLContext?
    private let serverName: String?
    private let replyTimeout: TimeAmount
    private var pending: [Int: EventLoopPromise<SMTPDeliveryReceipt>] = [:]
    private var closePromises: [EventLoopPromise<Void>] = []
    private var nextID = 0
    private var timer: Scheduled<Void>?
    private var lastProgress = NIODeadline.now()
    private var isInactive = false

    init(
        configuration: SMTPSessionStateMachine.Configuration,
        startTLSContext: NIOSSLContext?,
        serverName: String?,
        replyTimeout: TimeAmount,
        readyPromise: EventLoopPromise<SMTPServerCapabilities>
    ) {
        self.stateMachine = SMTPSessionStateMachine(configuration: configuration)
        self.startTLSContext = startTLSContext
        self.serverName = serverName
        self.replyTimeout = replyTimeout
        self.readyPromise = readyPromise
    }

    func channelActive(context: ChannelHandlerContext) {
        lastProgress = .now()
        updateTimer(context: context)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        lastProgress = .now()
        perform(stateMachine.replyReceived(unwrapInboundIn(data)), context: context)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? TLSUserEvent, case .handshakeCompleted = event {
            lastProgress = .now()
            perform(stateMachine.tlsEstablished(), context: context)
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if let error = error as? NIOSSLError, case .uncleanShutdown = error {
            return  // the server closed without close_notify; channelInactive follows
        }
        let smtpError: SMTPError
        switch error {
        case let error as SMTPError: smtpError = error
        case is NIOSSLError, is BoringSSLError:
            smtpError = SMTPError(code: .tls, detail: "TLS failed: \(error)")
        default:
            smtpError = SMTPError(code: .connectionClosed, detail: "the connection failed: \(error)")
        }
        perform(stateMachine.errorCaught(smtpError), context: context)
    }

    func channelInactive(context: ChannelHandlerContext) {
        isInactive = true
        timer?.cancel()
        timer = nil
        perform(stateMachine.channelInactive(), context: context)
        readyPromise.fail(SMTPError(code: .connectionClosed, stage: .greeting, detail: "the server closed the connection"))
        for promise in closePromises { promise.succeed() }
        closePromises.removeAll()
        context.fireChannelInactive()
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        // The request is ours now: its own promise reports the outcome.
        promise?.succeed()
        switch unwrapOutboundIn(data) {
        case .send(let envelope, let deliveryPromise):
            let id = nextID
            nextID += 1
            pending[id] = deliveryPromise
            lastProgress = .now()
            perform(stateMachine.enqueue(id: id, envelope: envelope), context: context)
        case .close(let closePromise):
            if isInactive {
                closePromise.succeed()
                return
            }
            closePromises.append(closePromise)
            perform(stateMachine.closeRequested(), context: context)
        }
    }

    private func perform(_ actions: [SMTPSessionStateMachine.Action], context: ChannelHandlerContext) {
        for action in actions {
            switch action {
            case .write(let outbounds):
                var buffer = context.channel.allocator.buffer(capacity: 512)
                for outbound in outbounds {
                    switch outbound {
                    case .command(let command): command.write(into: &buffer)
                    case .content(let message): DotStuffing.write(message, into: &buffer)
                    }
                }
                context.writeAndFlush(wrapOutboundOut(buffer), promise: nil)
            case .startTLS:
                do {
                    guard let startTLSContext else {
                        throw SMTPError(code: .tls, stage: .startTLS, detail: "no TLS configuration")
                    }
                    let handler = try NIOSSLClientHandler(context: startTLSContext, serverHostname: serverName)
                    try context.pipeline.syncOperations.addHandler(handler, position: .first)
                } catch {
                    let tlsError = error as? SMTPError
                        ?? SMTPError(code: .tls, stage: .startTLS, detail: "TLS could not start: \(error)")
                    perform(stateMachine.errorCaught(tlsError), context: context)
                }
            case .sessionReady(let capabilities):
                readyPromise.succeed(capabilities)
            case .sessionFailed(let error):
                readyPromise.fail(error)
            case .succeed(let id, let receipt):
                pending.removeValue(forKey: id)?.succeed(receipt)
            case .fail(let id, let error):
                pending.removeValue(forKey: id)?.fail(error)
            case .close:
                context.close(promise: nil)
            }
        }
        updateTimer(context: context)
    }

    /// Keeps one timer while a reply is awaited; it fires at the last progress plus the reply timeout.
    private func updateTimer(context: ChannelHandlerContext) {
        guard timer == nil, !isInactive, stateMachine.isAwaitingReply else { return }
        let deadline = lastProgress + replyTimeout
        timer = context.eventLoop.assumeIsolated().scheduleTask(deadline: deadline) {
            self.timer = nil
            guard self.stateMachine.isAwaitingReply, !self.isInactive else { return }
            if self.lastProgress + self.replyTimeout > .now() {
                self.updateTimer(context: context)
            } else {
                self.perform(self.stateMachine.timedOut(), context: context)
            }
        }
    }
}
