import FlywheelMessaging
import FlywheelTesting
import Foundation
import Testing

/// Delivery to a real SMTP server: scripts/smtp-sink (aiosmtpd) with STARTTLS, implicit TLS and AUTH.
@Suite("SMTP delivery to a local aiosmtpd", .enabled(if: LocalServers.runSMTPTests, LocalServers.smtpSkipReason))
struct SMTPDeliveryTests {
    @Test("STARTTLS + AUTH: the message arrives over TLS, authenticated, German text intact, headers present")
    func startTLSAndAuth() async throws {
        try await SMTPSink.with { sink in
            let connection = try await SMTPConnection.connect(sink.configuration())
            #expect(connection.capabilities.pipelining)
            let message = SampleMessages.message()
            let envelope = SMTPEnvelope(message)
            let receipt = try await connection.send(envelope)
            #expect(receipt.reply.code == 250)
            #expect(receipt.acceptedRecipients == ["juergen@example.de"])
            await connection.close()

            let stored = try sink.messages()
            try #require(stored.count == 1)
            #expect(stored[0].envelope.tls)
            #expect(stored[0].envelope.login == SMTPSink.user)
            #expect(stored[0].envelope.from == "shop@example.de")
            #expect(stored[0].bytes == envelope.message)  // dot-stuffing undone by the server: the same bytes

            let parsed = try await PythonMailParser.parse(stored[0].bytes)
            #expect(parsed.subject == SampleMessages.subject)
            #expect(parsed.from.first?.name == "Müller & Söhne, Köln")
            #expect(parsed.to.first?.name == "Jürgen Groß")
            #expect(parsed.parts.first?.content == SampleMessages.text)
            #expect(parsed.parts.last?.content == SampleMessages.html)
            #expect(parsed.headers["List-Unsubscribe"] == "<https://shop.example.de/u/abc123?sig=Zm9v>, <mailto:unsubscribe+abc123@example.de>")
            #expect(parsed.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click")
            #expect(parsed.headers["X-Flywheel-Message-Key"] == "flow-7/step-2/customer-1")
            #expect(parsed.defects.isEmpty)
        }
    }

    @Test("implicit TLS (port 465 style) with AUTH LOGIN")
    func implicitTLS() async throws {
        try await SMTPSink.with { sink in
            var configuration = sink.configuration(security: .implicitTLS)
            configuration.authenticationMechanisms = [.login]
            let connection = try await SMTPConnection.connect(configuration)
            _ = try await connection.send(SMTPEnvelope(SampleMessages.message()))
            await connection.close()
            let stored = try sink.messages()
            #expect(stored.count == 1)
            #expect(stored.first?.envelope.tls == true)
            #expect(stored.first?.envelope.login == SMTPSink.user)
        }
    }

    @Test("5xx refusals (recipient, content) are permanent, 4xx temporary, and the connection goes on")
    func rejections() async throws {
        try await SMTPSink.with { sink in
            let connection = try await SMTPConnection.connect(sink.configuration())
            let permanent = await #expect(throws: SMTPError.self) {
                try await connection.send(SMTPEnvelope(SampleMessages.message(to: "reject-me@example.de")))
            }
            #expect(permanent?.reply?.code == 550)
            #expect(permanent?.stage == .recipient)
            #expect(permanent?.isRetryable == false)
            #expect(permanent?.description.contains("550 5.1.1 Mailbox unavailable") == true)
            let temporary = await #expect(throws: SMTPError.self) {
                try await connection.send(SMTPEnvelope(SampleMessages.message(to: "tempfail@example.de")))
            }
            #expect(temporary?.reply?.code == 451)
            #expect(temporary?.isRetryable == true)
            for (kind, code, retryable) in [("permanent", 554, false), ("temporary", 452, true)] {
                var message = SampleMessages.message()
                message.additionalHeaders = [(name: "X-Sink-Reject", value: kind)]
                let error = await #expect(throws: SMTPError.self) { try await connection.send(SMTPEnvelope(message)) }
                #expect(error?.reply?.code == code)
                #expect(error?.stage == .message)
                #expect(error?.isRetryable == retryable)
            }
            let receipt = try await connection.send(SMTPEnvelope(SampleMessages.message()))
            #expect(receipt.reply.code == 250)
            // Mixed recipients: delivered to the accepted one, the refused one reported in the receipt.
            var envelope = SMTPEnvelope(SampleMessages.message())
            envelope.recipients = ["reject-me@example.de", "anna@example.de"]
            let partial = try await connection.send(envelope)
            #expect(partial.acceptedRecipients == ["anna@example.de"])
            #expect(partial.rejectedRecipients.map(\.address) == ["reject-me@example.de"])
            #expect(partial.rejectedRecipients.first?.reply.code == 550)
            await connection.close()
            let stored = try sink.messages()
            #expect(stored.count == 2)
            #expect(stored.last?.envelope.to == ["anna@example.de"])
        }
    }

    @Test("100 messages over one connection with pipelining, sent concurrently, all arrive in one session")
    func hundredMessagesPipelined() async throws {
        try await SMTPSink.with { sink in
            let client = SMTPClient(configuration: sink.configuration())
            try await withThrowingTaskGroup(of: SMTPDeliveryReceipt.self) { group in
                for number in 1...100 {
                    group.addTask { try await client.send(SMTPEnvelope(SampleMessages.message(number: number))) }
                }
                var count = 0
                for try await receipt in group {
                    #expect(receipt.reply.code == 250)
                    count += 1
                }
                #expect(count == 100)
            }
            await client.shutdown()
            let stored = try sink.messages()
            #expect(stored.count == 100)
            #expect(Set(stored.compactMap(\.envelope.peer)).count == 1)
            let keys = stored.compactMap { message in
                String(decoding: message.bytes, as: UTF8.self).split(separator: "\r\n")
                    .first { $0.hasPrefix("X-Flywheel-Message-Key: ") }?.dropFirst("X-Flywheel-Message-Key: ".count)
            }
            #expect(Set(keys.map(String.init)) == Set((1...100).map { "flow-7/step-2/customer-\($0)" }))
        }
    }

    @Test("without PIPELINING on the server the client sends in lock-step and still delivers")
    func withoutPipelining() async throws {
        try await SMTPSink.with(extraArguments: ["--no-pipelining"]) { sink in
            let connection = try await SMTPConnection.connect(sink.configuration())
            #expect(!connection.capabilities.pipelining)
            for number in 1...5 { _ = try await connection.send(SMTPEnvelope(SampleMessages.message(number: number))) }
            await connection.close()
            let stored = try sink.messages()
            #expect(stored.count == 5)
        }
    }

    @Test("a wrong password is a permanent authentication failure and sends nothing")
    func wrongPassword() async throws {
        try await SMTPSink.with { sink in
            let error = await #expect(throws: SMTPError.self) {
                _ = try await SMTPConnection.connect(sink.configuration(password: "wrong-Pässword"))
            }
            #expect(error?.code == .authenticationFailed)
            #expect(error?.isRetryable == false)
            #expect(error?.description.contains("Pässword") == false)
            let stored = try sink.messages()
            #expect(stored.isEmpty)
        }
    }

    @Test("an untrusted certificate fails the TLS handshake")
    func untrustedCertificate() async throws {
        try await SMTPSink.with { sink in
            var configuration = sink.configuration()
            configuration.tls = SMTPTLSOptions(trustRoots: .system, serverName: "localhost")
            let error = await #expect(throws: SMTPError.self) {
                _ = try await SMTPConnection.connect(configuration)
            }
            #expect(error?.code == .tls)
        }
    }

    @Test("AUTH over plaintext is refused by the client unless allowed")
    func plaintextAuthRefused() async throws {
        try await SMTPSink.with { sink in
            var configuration = sink.configuration(security: .plaintext)
            let error = await #expect(throws: SMTPError.self) {
                _ = try await SMTPConnection.connect(configuration)
            }
            #expect(error?.code == .insecureAuthenticationRefused)
            configuration.credentials = nil  // a local relay without AUTH: allowed over plaintext
            let connection = try await SMTPConnection.connect(configuration)
            _ = try await connection.send(SMTPEnvelope(SampleMessages.message()))
            await connection.close()
            let stored = try sink.messages()
            #expect(stored.count == 1)
            #expect(stored.first?.envelope.tls == false)
        }
    }

    @Test("the client reconnects when the server has closed the connection")
    func reconnects() async throws {
        try await SMTPSink.with { sink in
            let client = SMTPClient(configuration: sink.configuration())
            _ = try await client.send(SMTPEnvelope(SampleMessages.message(number: 1)))
            await client.shutdown()  // QUIT: the connection is gone
            _ = try await client.send(SMTPEnvelope(SampleMessages.message(number: 2)))
            await client.shutdown()
            let stored = try sink.messages()
            #expect(stored.count == 2)
            #expect(Set(stored.compactMap(\.envelope.peer)).count == 2)
        }
    }

    @Test("nothing listening is a retryable connection failure")
    func connectionRefused() async throws {
        // Port 1 (tcpmux) has no listener on a test machine.
        let configuration = SMTPConfiguration(host: "127.0.0.1", port: 1, security: .plaintext, connectTimeout: .seconds(2))
        let error = await #expect(throws: SMTPError.self) {
            _ = try await SMTPConnection.connect(configuration)
        }
        #expect(error?.code == .connectionFailed)
        #expect(error?.isRetryable == true)
    }
}
