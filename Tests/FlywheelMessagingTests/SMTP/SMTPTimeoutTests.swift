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

    @Test("a server that never greets fails the connection with a retryable timeout after the reply timeout")
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
        // Not before the reply timeout. The upper bound only tells "gave up" from "hung": the whole suite runs
        // in parallel on two cores, so the wall time after the timeout can be many seconds (it was 5+ once).
        #expect(elapsed >= .milliseconds(250) && elapsed < .seconds(120))
        try await server.close()
    }
}
