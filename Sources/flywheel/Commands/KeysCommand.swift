import ArgumentParser
import FlywheelCore
import FlywheelServer
import Foundation

/// `flywheel keys`: API keys for the HTTP API.
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "Create, list and revoke API keys.",
        subcommands: [Create.self, List.self, Revoke.self])

    /// `flywheel keys create --name NAME --scopes ingest,read`
    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create",
            abstract: "Create an API key and print its secret (shown this once; only a hash is stored).",
            discussion: "Scopes: ingest (send records), read (read them and /metrics), admin (everything).")

        @Option(help: "A name for people, e.g. \"Shopify sync\".")
        var name: String

        @Option(help: "Comma-separated scopes: ingest, read, admin.")
        var scopes: String

        @Flag(help: "Print one JSON object.")
        var json = false

        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            guard !name.trimmingCharacters(in: .whitespaces).isEmpty, name.utf8.count <= 200 else {
                throw ValidationError("--name must be 1–200 characters")
            }
            guard APIKey.scopes(parsing: scopes) != nil else {
                throw ValidationError("--scopes must list one or more of ingest, read, admin (e.g. ingest,read)")
            }
        }

        func run() async throws {
            let store = try await database.openStore()
            let (key, secret) = APIKeyIssuer.issue(name: name, scopes: APIKey.scopes(parsing: scopes) ?? [], now: Date())
            try await store.createAPIKey(key)
            if json {
                try JSONOutput.print(["id": key.id, "name": key.name, "scopes": key.scopeList, "secret": secret])
            } else {
                print("Created API key \(key.id) (\(key.name); scopes \(key.scopeList)).")
                print("Secret (shown only now; send it as Authorization: Bearer …):")
                print(secret)
            }
        }
    }

    /// `flywheel keys list`
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List API keys (never their secrets).")

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let store = try await database.openStore()
            let keys = try await store.apiKeys()
            if keys.isEmpty { print("No API keys yet: flywheel keys create --name NAME --scopes ingest,read") }
            for key in keys {
                let state = key.revokedAt.map { "revoked \(ISO8601DateFormatter().string(from: $0))" } ?? "active"
                print("\(key.id)  \(key.scopeList)  \(state)  \(key.name)")
            }
        }
    }

    /// `flywheel keys revoke KEY_ID`
    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revoke", abstract: "Revoke an API key; it stops working at once.")

        @Argument(help: "The key's id (key_…), as `flywheel keys list` shows it.")
        var id: String

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let store = try await database.openStore()
            guard try await store.revokeAPIKey(id: id, at: Date()) else {
                throw ValidationError("no active API key with the id \(id)")
            }
            print("Revoked \(id).")
        }
    }
}
