import FlywheelMessaging
import NIOCore
import NIOPosix
import Testing

@Suite("SMTP timeouts")
struct SMTPTimeoutTests {
    /// A TCP server that accepts and never says a word.
    static func silentServer() async throws -> any Channel {
        try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0).get()
    }

    @Test("a server that never greets fails the connection with a retryable timeout after the reply timeout",
          .timeLimit(.minutes(10)))
    func silentServerTimesOut() async throws {
        let server = try await Self.silentServer()
        let port = try #require(server.localAddress?.port)
        let configuration = SMTPConfiguration(host: "127.0.0.1", port: port, security: .plaintext,
            replyTimeout: .milliseconds(300))
        let clock = ContinuousClock()
        let started = clock.now
        let error = await #expect(throws: SMTPError.self) { _ = try await SMTPConnection.connect(configuration) }
        let elapsed = clock.now - started
        #expect(error?.code == .timeout)
        #expect(error?.isRetryable == true)
        // Not before the reply timeout. No upper bound in wall time: the whole suite runs in parallel on two
        // cores, and on a loaded machine the wake-up after the timeout came minutes late (120 s+ once at load 30).
        // A connection that hangs instead of giving up is caught by the time limit above.
        #expect(elapsed >= .milliseconds(250))
        try await server.close()
    }
}
