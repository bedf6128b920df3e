import FlywheelCore
import FlywheelStore
import Foundation
import Testing

/// Connecting, and what a failed connection says.
@Suite("PostgreSQL store: connecting")
struct PostgresStoreTests {
    @Test("no server at the address: the message names host, port, database and user, not the password")
    func noServer() async throws {
        // Port 1 on the loopback address: nothing listens there, the connection is refused at once.
        let url = PostgresURL(host: "127.0.0.1", port: 1, user: "flywheel", password: "Secr3tPw", database: "shop")
        let error = await #expect(throws: PostgresStoreError.self) { _ = try await PostgresStore.connect(url: url) }
        let message = error.map(String.init(describing:)) ?? ""
        #expect(message.contains("cannot connect to PostgreSQL at 127.0.0.1:1, database \"shop\", user \"flywheel\""))
        #expect(!message.contains("Secr3tPw"), "\(message)")
    }

    @Test(
        "a wrong password: the server's refusal, without the password",
        .enabled(if: PostgresTestServer.isConfigured, "FLYWHEEL_TEST_POSTGRES_URL is not set (scripts/test sets it)"))
    func wrongPassword() async throws {
        var url = try #require(PostgresTestServer.url)
        url.password = "Wr0ngSecr3t"
        let error = await #expect(throws: PostgresStoreError.self) { _ = try await PostgresStore.connect(url: url) }
        let message = error.map(String.init(describing:)) ?? ""
        #expect(message.contains("password authentication failed for user \"\(url.user)\""), "\(message)")
        #expect(message.contains("\(url.host):\(url.port)"))
        #expect(!message.contains("Wr0ngSecr3t"))
        #expect(!message.contains(try #require(PostgresTestServer.url?.password)))
    }

    @Test(
        "a database that does not exist: the server says so",
        .enabled(if: PostgresTestServer.isConfigured, "FLYWHEEL_TEST_POSTGRES_URL is not set (scripts/test sets it)"))
    func missingDatabase() async throws {
        var url = try #require(PostgresTestServer.url)
        url.database = "flywheel_no_such_database"
        let error = await #expect(throws: PostgresStoreError.self) { _ = try await PostgresStore.connect(url: url) }
        #expect("\(error.map(String.init(describing:)) ?? "")".contains("does not exist"))
    }

    @Test(
        "a store made without connect serves queries while its client runs",
        .enabled(if: PostgresTestServer.isConfigured, "FLYWHEEL_TEST_POSTGRES_URL is not set (scripts/test sets it)"))
    func runsInATaskOfItsOwn() async throws {
        try await PostgresTestServer.withDatabase { url in
            let store = PostgresStore(url: url)
            let running = Task { await store.run() }
            try await store.migrate()
            #expect(try await store.status().schemaVersion == "v5 flow schedule")
            running.cancel()
            await running.value
        }
    }

    @Test(
        "a statement the server refuses is reported with its SQLSTATE and message",
        .enabled(if: PostgresTestServer.isConfigured, "FLYWHEEL_TEST_POSTGRES_URL is not set (scripts/test sets it)"))
    func refusedStatement() async throws {
        try await PostgresTestServer.withStore { store in
            // Not migrated: the tables do not exist yet.
            let error = await #expect(throws: PostgresStoreError.self) { _ = try await store.status() }
            #expect(error?.sqlState == "42P01")
            #expect("\(error.map(String.init(describing:)) ?? "")".contains("does not exist"))
        }
    }
}
