import Testing

@testable import FlywheelMessaging

@Suite("SMTP session state machine")
struct SMTPSessionStateMachineTests {
    typealias Machine = SMTPSessionStateMachine
    typealias Action = SMTPSessionStateMachine.Action

    static let credentials = SMTPCredentials(username: "shop@example.de", password: "pa55-wörd")

    static func configuration(
        security: SMTPSecurity = .startTLS, credentials: SMTPCredentials? = credentials,
        mechanisms: [SMTPAuthenticationMechanism] = [.plain, .login], insecure: Bool = false, pipelining: Bool = true
    ) -> Machine.Configuration {
        Machine.Configuration(security: security, credentials: credentials, authenticationMechanisms: mechanisms,
            allowsInsecureAuthentication: insecure, clientName: "mailer.shop.example", usesPipelining: pipelining)
    }

    static func reply(_ code: Int, _ lines: String...) -> SMTPReply { SMTPReply(code: code, lines: lines) }

    static let ehloPlain = reply(250, "mx.example", "PIPELINING", "STARTTLS", "8BITMIME")
    static let ehloSecure = reply(250, "mx.example", "PIPELINING", "AUTH PLAIN LOGIN", "8BITMIME")

    func written(_ actions: [Action]) -> [Machine.Outbound] {
        actions.flatMap { action -> [Machine.Outbound] in
            if case .write(let outbounds) = action { return outbounds }
            return []
        }
    }

    func commands(_ actions: [Action]) -> [String] {
        written(actions).map {
            switch $0 {
            case .command(let command): command.description
            case .content(let bytes): "<content \(bytes.count)>"
            }
        }
    }

    func failures(_ actions: [Action]) -> [Int: SMTPError] {
        var result: [Int: SMTPError] = [:]
        for case .fail(let id, let error) in actions { result[id] = error }
        return result
    }

    func successes(_ actions: [Action]) -> [Int] {
        actions.compactMap { if case .succeed(let id, _) = $0 { id } else { nil } }
    }

    func isReady(_ actions: [Action]) -> Bool {
        actions.contains { if case .sessionReady = $0 { true } else { false } }
    }

    func closes(_ actions: [Action]) -> Bool {
        actions.contains { if case .close = $0 { true } else { false } }
    }

    /// A session through STARTTLS and AUTH PLAIN to ready.
    func readySession(pipelining: Bool = true) -> Machine {
        var machine = Machine(configuration: Self.configuration(pipelining: pipelining))
        _ = machine.replyReceived(Self.reply(220, "mx.example ESMTP"))
        _ = machine.replyReceived(Self.ehloPlain)
        _ = machine.replyReceived(Self.reply(220, "go ahead"))
        _ = machine.tlsEstablished()
        _ = machine.replyReceived(pipelining ? Self.ehloSecure : Self.reply(250, "mx.example", "AUTH PLAIN"))
        let ready = machine.replyReceived(Self.reply(235, "2.7.0 Authentication successful"))
        #expect(isReady(ready))
        return machine
    }

    static let envelope = SMTPEnvelope(sender: "shop@example.de", recipients: ["anna@example.de"],
        message: Array("Subject: Hallo\r\n\r\nHallo Anna\r\n".utf8))

    @Test("setup: greeting, EHLO, STARTTLS, TLS, EHLO again, AUTH PLAIN, ready")
    func setupWithStartTLSAndPlain() {
        var machine = Machine(configuration: Self.configuration())
        #expect(commands(machine.replyReceived(Self.reply(220, "mx.example ESMTP"))) == ["EHLO mailer.shop.example"])
        #expect(commands(machine.replyReceived(Self.ehloPlain)) == ["STARTTLS"])
        let upgrade = machine.replyReceived(Self.reply(220, "2.0.0 Ready to start TLS"))
        #expect(upgrade.contains { if case .startTLS = $0 { true } else { false } })
        #expect(commands(machine.tlsEstablished()) == ["EHLO mailer.shop.example"])
        let auth = machine.replyReceived(Self.ehloSecure)
        #expect(written(auth) == [.command(.authPlain(initialResponse: Base64.encode(Array("\0shop@example.de\0pa55-wörd".utf8))))])
        #expect(isReady(machine.replyReceived(Self.reply(235, "ok"))))
    }

    @Test("AUTH LOGIN answers the two prompts with base64 user name and password")
    func authLogin() {
        var machine = Machine(configuration: Self.configuration(security: .implicitTLS, mechanisms: [.login]))
        _ = machine.replyReceived(Self.reply(220, "hi"))
        #expect(commands(machine.replyReceived(Self.ehloSecure)) == ["AUTH LOGIN"])
        #expect(written(machine.replyReceived(Self.reply(334, "VXNlcm5hbWU6"))) == [.command(.authResponse(Base64.encode(Array("shop@example.de".utf8))))])
        #expect(written(machine.replyReceived(Self.reply(334, "UGFzc3dvcmQ6"))) == [.command(.authResponse(Base64.encode(Array("pa55-wörd".utf8))))])
        #expect(isReady(machine.replyReceived(Self.reply(235, "ok"))))
    }

    @Test("credentials are never sent over plaintext unless explicitly allowed")
    func refusesInsecureAuthentication() {
        var machine = Machine(configuration: Self.configuration(security: .plaintext))
        _ = machine.replyReceived(Self.reply(220, "hi"))
        _ = machine.enqueue(id: 7, envelope: Self.envelope)
        let actions = machine.replyReceived(Self.ehloSecure)
        #expect(commands(actions).isEmpty)
        #expect(closes(actions))
        #expect(failures(actions)[7]?.code == .insecureAuthenticationRefused)
        #expect(failures(actions)[7]?.isRetryable == false)

        var allowed = Machine(configuration: Self.configuration(security: .plaintext, insecure: true))
        _ = allowed.replyReceived(Self.reply(220, "hi"))
        #expect(commands(allowed.replyReceived(Self.ehloSecure)) == ["AUTH PLAIN ***"])
    }

    @Test("STARTTLS required but not offered fails the session without sending credentials")
    func startTLSUnavailable() {
        var machine = Machine(configuration: Self.configuration())
        _ = machine.replyReceived(Self.reply(220, "hi"))
        let actions = machine.replyReceived(Self.reply(250, "mx.example", "AUTH PLAIN"))
        #expect(commands(actions).isEmpty)
        #expect(actions.contains { if case .sessionFailed(let error) = $0 { error.code == .startTLSUnavailable } else { false } })
    }

    @Test("refused credentials are a permanent authentication failure")
    func authenticationRefused() {
        var machine = Machine(configuration: Self.configuration(security: .implicitTLS))
        _ = machine.replyReceived(Self.reply(220, "hi"))
        _ = machine.replyReceived(Self.ehloSecure)
        _ = machine.enqueue(id: 1, envelope: Self.envelope)
        let actions = machine.replyReceived(Self.reply(535, "5.7.8 Authentication credentials invalid"))
        let error = failures(actions)[1]
        #expect(error?.code == .authenticationFailed)
        #expect(error?.isRetryable == false)
        #expect(error?.description.contains("pa55") == false)
    }

    @Test("with PIPELINING the envelope goes in one write, and the next envelope follows the content")
    func pipelinedTransactions() {
        var machine = readySession()
        let second = SMTPEnvelope(sender: "shop@example.de", recipients: ["ben@example.de", "cem@example.de"], message: [0x41])
        #expect(commands(machine.enqueue(id: 1, envelope: Self.envelope)) == ["MAIL FROM", "RCPT TO", "DATA"])
        #expect(commands(machine.enqueue(id: 2, envelope: second)).isEmpty)  // waits for the first DATA reply
        #expect(commands(machine.replyReceived(Self.reply(250, "ok"))).isEmpty)
        #expect(commands(machine.replyReceived(Self.reply(250, "ok"))).isEmpty)
        let afterData = machine.replyReceived(Self.reply(354, "go"))
        #expect(commands(afterData) == ["<content 30>", "MAIL FROM", "RCPT TO", "RCPT TO", "DATA"])
        let done = machine.replyReceived(Self.reply(250, "queued as 1"))
        #expect(successes(done) == [1])
        _ = machine.replyReceived(Self.reply(250, "ok"))
        _ = machine.replyReceived(Self.reply(250, "ok"))
        _ = machine.replyReceived(Self.reply(250, "ok"))
        #expect(commands(machine.replyReceived(Self.reply(354, "go"))) == ["<content 1>"])
        let last = machine.replyReceived(Self.reply(250, "queued as 2"))
        guard case .succeed(2, let receipt)? = last.first else {
            Issue.record("no success for the second message: \(last)")
            return
        }
        #expect(receipt.acceptedRecipients == ["ben@example.de", "cem@example.de"])
        #expect(!machine.isAwaitingReply)
    }

    @Test("without PIPELINING every command waits for its reply")
    func lockStep() {
        var machine = readySession(pipelining: false)
        #expect(commands(machine.enqueue(id: 1, envelope: Self.envelope)) == ["MAIL FROM"])
        #expect(commands(machine.replyReceived(Self.reply(250, "ok"))) == ["RCPT TO"])
        #expect(commands(machine.replyReceived(Self.reply(250, "ok"))) == ["DATA"])
        #expect(commands(machine.replyReceived(Self.reply(354, "go"))) == ["<content 30>"])
        #expect(successes(machine.replyReceived(Self.reply(250, "ok"))) == [1])
    }

    @Test("a 5xx recipient refusal is permanent, a 4xx temporary; the session resets and goes on")
    func recipientRefusals() {
        var machine = readySession()
        let rejected = SMTPEnvelope(sender: "shop@example.de", recipients: ["reject@example.de"], message: [0x41])
        let busy = SMTPEnvelope(sender: "shop@example.de", recipients: ["tempfail@example.de"], message: [0x41])
        _ = machine.enqueue(id: 1, envelope: rejected)
        _ = machine.enqueue(id: 2, envelope: busy)
        _ = machine.replyReceived(Self.reply(250, "ok"))
        _ = machine.replyReceived(Self.reply(550, "5.1.1 Mailbox unavailable"))
        let first = machine.replyReceived(Self.reply(503, "5.5.1 need RCPT"))
        #expect(failures(first)[1]?.reply?.code == 550)
        #expect(failures(first)[1]?.stage == .recipient)
        #expect(failures(first)[1]?.isRetryable == false)
        #expect(commands(first) == ["RSET", "MAIL FROM", "RCPT TO", "DATA"])
        _ = machine.replyReceived(Self.reply(250, "reset"))
        _ = machine.replyReceived(Self.reply(250, "ok"))
        _ = machine.replyReceived(Self.reply(451, "4.3.0 try later"))
        let second = machine.replyReceived(Self.reply(503, "need RCPT"))
        #expect(failures(second)[2]?.isRetryable == true)
        #expect(failures(second)[2]?.reply?.code == 451)
    }

    @Test("a 354 after every recipient was refused ends DATA empty and fails the message")
    func dataAcceptedWithoutRecipients() {
        var machine = readySession()
        _ = machine.enqueue(id: 1, envelope: Self.envelope)
        _ = machine.replyReceived(Self.reply(250, "ok"))
        _ = machine.replyReceived(Self.reply(550, "no"))
        #expect(commands(machine.replyReceived(Self.reply(354, "go"))) == ["<content 0>"])
        #expect(failures(machine.replyReceived(Self.reply(250, "ok")))[1]?.stage == .recipient)
    }

    @Test("a lost connection fails the message in flight as connectionClosed and queued ones as notSent")
    func connectionLost() {
        var machine = readySession()
        _ = machine.enqueue(id: 1, envelope: Self.envelope)
        _ = machine.enqueue(id: 2, envelope: Self.envelope)
        let actions = machine.channelInactive()
        #expect(failures(actions)[1]?.code == .connectionClosed)
        #expect(failures(actions)[2]?.code == .notSent)
        #expect(failures(actions).values.allSatisfy { $0.isRetryable })
        #expect(failures(machine.enqueue(id: 3, envelope: Self.envelope))[3]?.code == .notSent)
    }

    @Test("close waits for queued messages, then QUIT")
    func closeAfterQueue() {
        var machine = readySession()
        _ = machine.enqueue(id: 1, envelope: Self.envelope)
        #expect(commands(machine.closeRequested()).isEmpty)
        _ = machine.replyReceived(Self.reply(250, "ok"))
        _ = machine.replyReceived(Self.reply(250, "ok"))
        _ = machine.replyReceived(Self.reply(354, "go"))
        let done = machine.replyReceived(Self.reply(250, "ok"))
        #expect(successes(done) == [1])
        #expect(commands(done) == ["QUIT"])
        #expect(closes(machine.replyReceived(Self.reply(221, "bye"))))
    }

    @Test("a timeout fails everything as retryable and closes")
    func timeout() {
        var machine = readySession()
        _ = machine.enqueue(id: 1, envelope: Self.envelope)
        #expect(machine.isAwaitingReply)
        let actions = machine.timedOut()
        #expect(failures(actions)[1]?.code == .timeout)
        #expect(failures(actions)[1]?.isRetryable == true)
        #expect(closes(actions))
    }

    @Test("descriptions never show credentials")
    func noSecretsInDescriptions() {
        let plain = SMTPCommand.authPlain(initialResponse: "AHNob3AAcGE1NQ==")
        #expect(plain.description == "AUTH PLAIN ***")
        #expect(SMTPCommand.authResponse("cGE1NQ==").description == "***")
        #expect(!"\(Self.credentials)".contains("pa55"))
        #expect(!String(reflecting: Self.credentials).contains("pa55"))
    }
}
