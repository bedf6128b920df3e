import Logging
import PostgresNIO

extension PostgresConnection {
    /// Runs `query` and returns all its rows. A failure is thrown as `PostgresStoreError`.
    func rows(_ query: PostgresQuery, logger: Logger) async throws -> [PostgresRow] {
        do {
            return try await self.query(query, logger: logger).collect()
        } catch {
            throw PostgresStoreError.translating(error)
        }
    }

    /// Runs `query` for its effect. A failure is thrown as `PostgresStoreError`.
    func run(_ query: PostgresQuery, logger: Logger) async throws {
        _ = try await rows(query, logger: logger)
    }

    /// Runs `body` in a transaction begun by `begin`: commits when it returns, rolls back when it throws and
    /// rethrows its error as it is (an `IngestError` stays one). A connection that cannot even roll back is
    /// closed, so the pool never hands out a connection stuck in a failed transaction.
    func transaction<Result>(
        _ begin: PostgresQuery = "BEGIN", logger: Logger,
        isolation: isolated (any Actor)? = #isolation,
        _ body: (PostgresConnection) async throws -> sending Result
    ) async throws -> sending Result {
        try await run(begin, logger: logger)
        let result: Result
        do {
            result = try await body(self)
        } catch {
            do {
                try await run("ROLLBACK", logger: logger)
            } catch {
                try? await close()
            }
            throw error
        }
        try await run("COMMIT", logger: logger)
        return result
    }
}
