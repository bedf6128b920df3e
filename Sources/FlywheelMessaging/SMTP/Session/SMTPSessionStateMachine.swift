import NIOCore

/// The SMTP client session as a state machine: events in (replies, TLS established, messages to send,
/// close, errors), actions out (bytes to write, start TLS, complete a message). No I/O inside, so every
/// path is tested by feeding replies (`SMTPChannelHandler` performs the actions).
///
/// Setup: greeting → EHLO → (STARTTLS → TLS → EHLO) → AUTH → ready. Then messages run in order; with
/// PIPELINING (RFC 2920) the envelope commands MAIL, RCPT…, DATA go in one write, and the next message's
/// envelope follows the previous message's content in the same write, so a message costs about one round
/// trip. Without it each command waits for its reply. After a failed transaction the session sends RSET.
struct SMTPSessionStateMachine {
    struct Configuration: Sendable {
        var security: SMTPSecurity
        var credentials: SMTPCredentials?
        var authenticationMechanisms: [SMTPAuthenticationMechanism]
        var allowsInsecureAuthentication: Bool
        var clientName: String
        var usesPipelining: Bool
    }

    /// What goes on the wire.
    enum Outbound: Equatable {
        case command(SMTPCommand)
        /// A message's content; the writer dot-stuffs it and appends the terminating ".".
        case content([UInt8])
    }

    enum Action {
        case write([Outbound])
        /// Put TLS in front of the pipeline and report `tlsEstablished()` when the handshake is done.
        case startTLS
        case sessionReady(SMTPServerCapabilities)
        case sessionFailed(SMTPError)
        case succeed(id: Int, SMTPDeliveryReceipt)
        case fail(id: Int, SMTPError)
        case close
    }

    private enum Phase {
        case awaitingGreeting
        case awaitingHello(secured: Bool)
        case awaitingStartTLS
        case handshakingTLS
        case authenticating(AuthenticationStep)
        case ready
        case quitting
        case closed
    }

    private enum AuthenticationStep {
        case plainResult, loginUsername, loginPassword, loginResult
    }

    /// The reply a sent command waits for, in order of sending.
    private enum Expectation {
        case mail, recipient(String), data, content, reset, quit
    }

    private struct Transaction {
        let id: Int
        let envelope: SMTPEnvelope
        /// Commands not yet sent (without pipelining they go one by one).
        var unsent: [SMTPCommand] = []
        var mailAccepted = false
        var mailFailure: SMTPReply?
        var accepted: [String] = []
        var rejected: [SMTPDeliveryReceipt.RejectedRecipient] = []
        /// Set when DATA was answered with 354 although the transaction cannot go on: an empty content is
        /// sent to end it, and the transaction fails with this error.
        var doomed: SMTPError?
    }

    private let configuration: Configuration
    private var phase: Phase = .awaitingGreeting
    private var secured: Bool
    private var capabilities = SMTPServerCapabilities(extensions: [:])
    private var pipelining = false
    private var queue = CircularBuffer<Transaction>()
    private var expectations = CircularBuffer<Expectation>()
    /// The transaction whose envelope is on the wire (its DATA not yet answered).
    private var envelopeInFlight: Transaction?
    /// The transaction whose content is on the wire (its final reply not yet received).
    private var contentInFlight: Transaction?
    private var isCloseRequested = false

    init(configuration: Configuration) {
        self.configuration = configuration
        self.secured = configuration.security == .implicitTLS
    }

    /// Whether a reply (or the TLS handshake) is awaited: the reply timer runs while this is true.
    var isAwaitingReply: Bool {
        switch phase {
        case .ready: !expectations.isEmpty
        case .closed: false
        default: true
        }
    }

    /// Whether the session can take more messages.
    var isUsable: Bool {
        switch phase {
        case .closed, .quitting: false
        default: !isCloseRequested
        }
    }

    // MARK: Events

    /// A message to send; `id` comes back in `.succeed` or `.fail`.
    mutating func enqueue(id: Int, envelope: SMTPEnvelope) -> [Action] {
        guard isUsable else {
            return [.fail(id: id, SMTPError(code: .notSent, detail: "the SMTP session is closed"))]
        }
        guard !envelope.recipients.isEmpty else {
            return [.fail(id: id, SMTPError(code: .rejected, stage: .recipient, detail: "the message has no recipient"))]
        }
        queue.append(Transaction(id: id, envelope: envelope))
        guard case .ready = phase else { return [] }
        var actions: [Action] = []
        var writes: [Outbound] = []
        startNextTransaction(into: &writes)
        appendWrite(writes, to: &actions)
        return actions
    }

    /// A complete reply from the server.
    mutating func replyReceived(_ reply: SMTPReply) -> [Action] {
        switch phase {
        case .awaitingGreeting:
            guard reply.code == 220 else { return failSession(.rejected(reply, at: .greeting)) }
            phase = .awaitingHello(secured: secured)
            return [.write([.command(.ehlo(domain: configuration.clientName))])]
        case .awaitingHello:
            guard reply.code == 250 else { return failSession(.rejected(reply, at: .hello)) }
            capabilities = SMTPServerCapabilities(ehloReply: reply)
            return afterHello()
        case .awaitingStartTLS:
            guard reply.code == 220 else { return failSession(.rejected(reply, at: .startTLS)) }
            phase = .handshakingTLS
            return [.startTLS]
        case .handshakingTLS:
            return failSession(SMTPError(code: .unexpectedReply, stage: .startTLS, reply: reply,
                detail: "a reply arrived during the TLS handshake"))
        case .authenticating(let step):
            return authenticationReply(reply, step: step)
        case .ready:
            return transactionReply(reply)
        case .quitting:
            phase = .closed
            return [.close]
        case .closed:
            return []
        }
    }

    /// The TLS handshake after STARTTLS completed: greet again (RFC 3207 §4.2, capabilities may change).
    mutating func tlsEstablished() -> [Action] {
        guard case .handshakingTLS = phase else { return [] }
        secured = true
        phase = .awaitingHello(secured: true)
        return [.write([.command(.ehlo(domain: configuration.clientName))])]
    }

    /// Ends the session once every queued message is done (QUIT).
    mutating func closeRequested() -> [Action] {
        isCloseRequested = true
        switch phase {
        case .ready:
            return quitIfIdle()
        case .closed, .quitting:
            return []
        default:
            // Still setting up: nothing sent yet, so fail what is queued and close.
            return failEverything(SMTPError(code: .notSent, detail: "the session was closed during setup")) + [.close]
        }
    }

    /// No reply within the reply timeout.
    mutating func timedOut() -> [Action] {
        guard case .closed = phase else {
            return failEverything(SMTPError(code: .timeout, detail: "no reply from the server in time")) + [.close]
        }
        return []
    }

    /// A failure of the channel (TLS, I/O).
    mutating func errorCaught(_ error: SMTPError) -> [Action] {
        guard case .closed = phase else { return failEverything(error) + [.close] }
        return []
    }

    /// The connection ended.
    mutating func channelInactive() -> [Action] {
        if case .closed = phase { return [] }
        if case .quitting = phase {
            phase = .closed
            return failEverything(SMTPError(code: .connectionClosed, detail: "the server closed the connection"))
        }
        return failEverything(SMTPError(code: .connectionClosed, detail: "the server closed the connection"))
    }

    // MARK: Setup

    private mutating func afterHello() -> [Action] {
        if configuration.security == .startTLS && !secured {
            guard capabilities.startTLS else {
                return failSession(SMTPError(code: .startTLSUnavailable, stage: .startTLS,
                    detail: "the server does not offer STARTTLS, which the configuration requires"))
            }
            phase = .awaitingStartTLS
            return [.write([.command(.startTLS)])]
        }
        guard let credentials = configuration.credentials else { return becomeReady() }
        guard secured || configuration.allowsInsecureAuthentication else {
            return failSession(SMTPError(code: .insecureAuthenticationRefused, stage: .authentication,
                detail: "credentials are never sent without TLS unless allowsInsecureAuthentication is set"))
        }
        let offered = Set(capabilities.authenticationMechanisms)
        guard let mechanism = configuration.authenticationMechanisms.first(where: { offered.contains($0.rawValue) }) else {
            return failSession(SMTPError(code: .noSupportedAuthenticationMechanism, stage: .authentication,
                detail: "the server offers AUTH \(offered.sorted().joined(separator: " ")), none of which is configured"))
        }
        switch mechanism {
        case .plain:
            phase = .authenticating(.plainResult)
            let token = Array("\0\(credentials.username)\0\(credentials.password)".utf8)
            return [.write([.command(.authPlain(initialResponse: Base64.encode(token)))])]
        case .login:
            phase = .authenticating(.loginUsername)
            return [.write([.command(.authLogin)])]
        }
    }

    private mutating func authenticationReply(_ reply: SMTPReply, step: AuthenticationStep) -> [Action] {
        guard let credentials = configuration.credentials else { return failSession(.malformedReply("no credentials")) }
        switch step {
        case .plainResult, .loginResult:
            guard reply.code == 235 else {
                return failSession(SMTPError(code: .authenticationFailed, stage: .authentication, reply: reply,
                    detail: "the server refused the credentials"))
            }
            return becomeReady()
        case .loginUsername, .loginPassword:
            guard reply.code == 334 else {
                return failSession(SMTPError(code: .authenticationFailed, stage: .authentication, reply: reply,
                    detail: "the server refused AUTH LOGIN"))
            }
            let isUser = if case .loginUsername = step { true } else { false }
            phase = .authenticating(isUser ? .loginPassword : .loginResult)
            let secret = isUser ? credentials.username : credentials.password
            return [.write([.command(.authResponse(Base64.encode(Array(secret.utf8))))])]
        }
    }

    private mutating func becomeReady() -> [Action] {
        phase = .ready
        pipelining = configuration.usesPipelining && capabilities.pipelining
        var actions: [Action] = [.sessionReady(capabilities)]
        var writes: [Outbound] = []
        startNextTransaction(into: &writes)
        appendWrite(writes, to: &actions)
        if isCloseRequested { actions += quitIfIdle() }
        return actions
    }

    // MARK: Transactions

    private mutating func startNextTransaction(into writes: inout [Outbound]) {
        guard envelopeInFlight == nil, !queue.isEmpty else { return }
        // Without pipelining the next MAIL waits until every earlier reply is in.
        guard pipelining || expectations.isEmpty else { return }
        var transaction = queue.removeFirst()
        var commands: [SMTPCommand] = [.mailFrom(address: transaction.envelope.sender,
            eightBitMIME: capabilities.eightBitMIME && transaction.envelope.message.contains { $0 >= 0x80 })]
        commands += transaction.envelope.recipients.map { .rcptTo(address: $0) }
        commands.append(.data)
        if pipelining {
            for command in commands { send(command, into: &writes) }
        } else {
            send(commands[0], into: &writes)
            transaction.unsent = Array(commands.dropFirst())
        }
        envelopeInFlight = transaction
    }

    private mutating func send(_ command: SMTPCommand, into writes: inout [Outbound]) {
        writes.append(.command(command))
        switch command {
        case .mailFrom: expectations.append(.mail)
        case .rcptTo(let address): expectations.append(.recipient(address))
        case .data: expectations.append(.data)
        case .reset: expectations.append(.reset)
        case .quit: expectations.append(.quit)
        default: break
        }
    }

    private mutating func transactionReply(_ reply: SMTPReply) -> [Action] {
        guard let expectation = expectations.popFirst() else {
            return failEverything(SMTPError(code: .unexpectedReply, reply: reply, detail: "no command was waiting for it"))
                + [.close]
        }
        var actions: [Action] = []
        var writes: [Outbound] = []
        switch expectation {
        case .mail:
            envelopeInFlight!.mailAccepted = reply.isPositiveCompletion
            if !reply.isPositiveCompletion { envelopeInFlight!.mailFailure = reply }
            if !pipelining {
                if reply.isPositiveCompletion {
                    sendNextUnsent(into: &writes)
                } else {
                    finishFailedEnvelope(into: &writes, actions: &actions)
                }
            }
        case .recipient(let address):
            if reply.isPositiveCompletion {
                envelopeInFlight!.accepted.append(address)
            } else {
                envelopeInFlight!.rejected.append(.init(address: address, reply: reply))
            }
            if !pipelining {
                if envelopeInFlight!.unsent.count == 1 && envelopeInFlight!.accepted.isEmpty {
                    finishFailedEnvelope(into: &writes, actions: &actions)  // every recipient refused: no DATA
                } else {
                    sendNextUnsent(into: &writes)
                }
            }
        case .data:
            var transaction = envelopeInFlight!
            envelopeInFlight = nil
            if reply.code == 354 {
                if let failure = envelopeFailure(of: transaction) {
                    // The server wants content although the envelope failed: end DATA with nothing in it.
                    transaction.doomed = failure
                    writes.append(.content([]))
                } else {
                    writes.append(.content(transaction.envelope.message))
                }
                expectations.append(.content)
                contentInFlight = transaction
            } else {
                let failure = envelopeFailure(of: transaction) ?? .rejected(reply, at: .data)
                actions.append(.fail(id: transaction.id, failure))
                if transaction.mailAccepted { send(.reset, into: &writes) }
            }
        case .content:
            let transaction = contentInFlight!
            contentInFlight = nil
            if let doomed = transaction.doomed {
                actions.append(.fail(id: transaction.id, doomed))
            } else if reply.isPositiveCompletion {
                actions.append(.succeed(id: transaction.id, SMTPDeliveryReceipt(reply: reply,
                    acceptedRecipients: transaction.accepted, rejectedRecipients: transaction.rejected)))
            } else {
                actions.append(.fail(id: transaction.id, .rejected(reply, at: .message)))
            }
        case .reset:
            guard reply.isPositiveCompletion else {
                return failEverything(.rejected(reply, at: .reset, "the session cannot be reset")) + [.close]
            }
        case .quit:
            phase = .closed
            return [.close]
        }
        startNextTransaction(into: &writes)
        appendWrite(writes, to: &actions)
        if isCloseRequested { actions += quitIfIdle() }
        return actions
    }

    private mutating func sendNextUnsent(into writes: inout [Outbound]) {
        guard !envelopeInFlight!.unsent.isEmpty else { return }
        let command = envelopeInFlight!.unsent.removeFirst()
        send(command, into: &writes)
    }

    /// Without pipelining: MAIL or every RCPT failed, so DATA is never sent.
    private mutating func finishFailedEnvelope(into writes: inout [Outbound], actions: inout [Action]) {
        let transaction = envelopeInFlight!
        envelopeInFlight = nil
        actions.append(.fail(id: transaction.id, envelopeFailure(of: transaction)!))
        if transaction.mailAccepted { send(.reset, into: &writes) }
    }

    /// Why the envelope cannot carry the message: MAIL refused, or every recipient refused (a 4xx among the
    /// refusals makes the whole failure temporary).
    private func envelopeFailure(of transaction: Transaction) -> SMTPError? {
        if let mailFailure = transaction.mailFailure { return .rejected(mailFailure, at: .mailFrom) }
        guard transaction.accepted.isEmpty, !transaction.rejected.isEmpty else { return nil }
        let decisive = transaction.rejected.first { $0.reply.isTransientNegative } ?? transaction.rejected[0]
        return .rejected(decisive.reply, at: .recipient, "every recipient was refused")
    }

    private mutating func quitIfIdle() -> [Action] {
        guard case .ready = phase, queue.isEmpty, expectations.isEmpty, envelopeInFlight == nil,
            contentInFlight == nil
        else { return [] }
        phase = .quitting
        var writes: [Outbound] = []
        send(.quit, into: &writes)
        return [.write(writes)]
    }

    // MARK: Failure

    private mutating func failSession(_ error: SMTPError) -> [Action] {
        failEverything(error) + [.close]
    }

    /// Fails the messages in flight with `error` and the queued ones as not sent; ends the session.
    private mutating func failEverything(_ error: SMTPError) -> [Action] {
        var actions: [Action] = []
        let wasReady: Bool
        switch phase {
        case .ready, .quitting, .closed: wasReady = true
        default: wasReady = false
        }
        phase = .closed
        if !wasReady { actions.append(.sessionFailed(error)) }
        for transaction in [contentInFlight, envelopeInFlight].compactMap({ $0 }) {
            actions.append(.fail(id: transaction.id, error))
        }
        contentInFlight = nil
        envelopeInFlight = nil
        expectations.removeAll()
        let notSent = wasReady
            ? SMTPError(code: .notSent, detail: "the session ended before this message was sent: \(error.detail)")
            : error
        while let transaction = queue.popFirst() {
            actions.append(.fail(id: transaction.id, notSent))
        }
        return actions
    }

    private func appendWrite(_ writes: [Outbound], to actions: inout [Action]) {
        if !writes.isEmpty { actions.append(.write(writes)) }
    }
}
