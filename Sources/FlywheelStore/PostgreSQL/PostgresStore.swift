public import FlywheelCore
public import Logging
public import PostgresNIO
import Synchronization

/// The store contract in a PostgreSQL database: the engine for a shop that outgrows one file, or that
/// several Flywheel processes share.
///
/// Queries go through a `PostgresClient`, a pool of connections that works only while its `run()` runs:
/// - `PostgresStore.connect(url:logger:)` checks that the server answers and accepts the login, then runs
///   the client in a task of its own until `shutdown()`;
/// - a server that manages its services instead makes the store with `init(url:logger:)`, and runs
///   `client` (a swift-service-lifecycle `Service`) in its `ServiceGroup`, or awaits `run()` in a task.
///
/// Call `migrate()` before anything else. Semantics are those of `FlywheelStore` and match `InMemoryStore`
/// and `SQLiteStore`; instants are kept to the millisecond. Batches are written with a few multi-row
/// statements each, in one transaction (see docs/storage.md).
public final class PostgresStore: FlywheelStore {
    /// The database, as the URL named it (its description hides the password).
    public let url: PostgresURL
    /// The connection pool; it serves queries only while its `run()` runs (see the type's documentation).
    public let client: PostgresClient
    let logger: Logger
    /// The customers each recent ingest session counted (see `PostgresIngestSessions`).
    let sessions = Mutex(PostgresIngestSessions())
    /// The task running `client` when `connect` made the store.
    private let runner = Mutex<Task<Void, Never>?>(nil)

    /// A logger that drops everything, the default: the store reports failures by throwing.
    public static let silentLogger = Logger(label: "flywheel.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    /// Makes a store whose client does not run yet: run `client` in a `ServiceGroup`, or `run()` in a task.
    /// `maximumConnections` bounds the pool (each ingest holds one connection for its transaction).
    public init(url: PostgresURL, maximumConnections: Int = 20, logger: Logger = PostgresStore.silentLogger) {
        self.url = url
        self.logger = logger
        var configuration = PostgresClient.Configuration(
            host: url.host, port: url.port, username: url.user, password: url.password, database: url.database,
            tls: .disable)
        configuration.options.maximumConnections = max(1, maximumConnections)
        configuration.options.additionalStartupParameters = [("application_name", "flywheel")]
        client = PostgresClient(configuration: configuration, backgroundLogger: logger)
    }

    /// Connects to the database at `url`: checks that the server answers and accepts the login (else throws
    /// `PostgresStoreError` naming host, port, database and user, never the password), then runs the client
    /// until `shutdown()`.
    public static func connect(
        url: PostgresURL, maximumConnections: Int = 20, logger: Logger = PostgresStore.silentLogger
    ) async throws -> PostgresStore {
        let store = PostgresStore(url: url, maximumConnections: maximumConnections, logger: logger)
        try await store.checkConnection()
        store.start()
        return store
    }

    /// Connects to the database at a `postgres://USER:PASSWORD@HOST:PORT/DATABASE` URL (see `PostgresURL`).
    public static func connect(
        url: String, maximumConnections: Int = 20, logger: Logger = PostgresStore.silentLogger
    ) async throws -> PostgresStore {
        try await connect(url: try PostgresURL(parsing: url), maximumConnections: maximumConnections, logger: logger)
    }

    /// Opens one connection of its own, outside the pool, and closes it: a server that is down, a wrong
    /// password or a missing database fail here with a clear message (the pool would retry quietly).
    public func checkConnection() async throws {
        var configuration = PostgresConnection.Configuration(
            host: url.host, port: url.port, username: url.user, password: url.password, database: url.database,
            tls: .disable)
        configuration.options.connectTimeout = .seconds(10)
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger)
        } catch let error as PSQLError {
            throw PostgresStoreError.cannotConnect(
                server: url.serverDescription, reason: PostgresStoreError.reason(of: error))
        } catch {
            throw PostgresStoreError.cannotConnect(server: url.serverDescription, reason: "\(error)")
        }
        try? await connection.close()
    }

    /// Runs the client until the task is cancelled (or, in a `ServiceGroup`, until graceful shutdown).
    /// Call it once, and not on a store `connect` made, which runs it already.
    public func run() async { await client.run() }

    private func start() {
        let client = self.client
        runner.withLock { $0 = Task { await client.run() } }
    }

    /// Stops the client that `connect` started, closing its connections; the store must not be used
    /// afterwards. Does nothing for a store whose client runs elsewhere.
    public func shutdown() async {
        let task = runner.withLock { task in
            defer { task = nil }
            return task
        }
        task?.cancel()
        await task?.value
    }

    /// Applies the migrations the database lacks, in order, in one transaction under an advisory lock (two
    /// processes starting together apply each once). Refuses a database a newer Flywheel migrated.
    public func migrate() async throws {
        try await withConnection { connection in
            try await PostgresMigrations.migrate(on: connection, logger: self.logger)
        }
    }

    /// Names of the migrations applied to the database, oldest first.
    public func appliedMigrations() async throws -> [String] {
        try await withConnection { connection in
            try await PostgresMigrations.appliedMigrations(on: connection, logger: self.logger)
        }
    }

    public func shopSettings() async throws -> ShopSettings? {
        try await rows(ShopSettings.postgresSelect).first.map(ShopSettings.init(postgresRow:))
    }

    public func saveShopSettings(_ settings: ShopSettings) async throws {
        try settings.validate()
        try await rows(settings.postgresUpsert)
    }

    /// Runs `body` with a connection leased from the pool. A failure to reach the server is thrown as
    /// `PostgresStoreError`.
    func withConnection<Result: Sendable>(_ body: (PostgresConnection) async throws -> Result) async throws
        -> Result
    {
        do {
            return try await client.withConnection { connection in try await body(connection) }
        } catch {
            throw PostgresStoreError.translating(error)
        }
    }

    /// Runs `query` on a pooled connection and returns all its rows.
    @discardableResult
    func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
        do {
            return try await client.query(query, logger: logger).collect()
        } catch {
            throw PostgresStoreError.translating(error)
        }
    }
}
