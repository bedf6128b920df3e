public import NIOCore
public import NIOPosix

/// Sends messages over one reused SMTP session: connects on first use, sends every later message on the
/// same connection (pipelined when offered), and reconnects when the server closed it. A message that
/// never left the client before the connection dropped (`SMTPError.Code.notSent`) is sent once more on a
/// new connection; every other failure is returned to the caller, who decides about retries.
public actor SMTPClient {
    private let configuration: SMTPConfiguration
    private let group: any EventLoopGroup
    private var connection: SMTPConnection?
    private var connecting: Task<SMTPConnection, any Error>?

    /// Creates a client; nothing connects until the first message.
    public init(configuration: SMTPConfiguration, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        self.configuration = configuration
        self.group = group
    }

    /// Sends one message.
    /// - Throws: `SMTPError`.
    public func send(_ envelope: SMTPEnvelope) async throws -> SMTPDeliveryReceipt {
        var attempt = 0
        while true {
            let connection = try await openConnection()
            do {
                return try await connection.send(envelope)
            } catch let error as SMTPError where error.code == .notSent && attempt == 0 {
                attempt += 1
                if self.connection === connection { self.connection = nil }
            }
        }
    }

    /// Sends QUIT and closes the connection, if one is open.
    public func shutdown() async {
        let open = connection
        connection = nil
        if let open { await open.close() }
    }

    private func openConnection() async throws -> SMTPConnection {
        if let connection, connection.isOpen { return connection }
        if let connecting { return try await connecting.value }
        let configuration = configuration
        let group = group
        let task = Task { try await SMTPConnection.connect(configuration, on: group) }
        connecting = task
        defer { connecting = nil }
        let connection = try await task.value
        self.connection = connection
        return connection
    }
}
