import ArgumentParser
import FlywheelCore
import FlywheelServer
import Foundation

/// `flywheel admin`: the people who may sign in to the dashboard.
struct AdminCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admin", abstract: "Create and list dashboard admins.", subcommands: [Create.self, List.self])

    /// `flywheel admin create --username NAME [--password-stdin] [--reset]`
    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create",
            abstract: "Create a dashboard admin (or, with --reset, set a new password).",
            discussion: """
                Without --password-stdin a random password is made and printed once. Passwords need at least \
                \(AdminAccounts.minimumPasswordLength) characters; only a bcrypt hash is stored.

                Examples:
                  flywheel admin create --username owner
                  printf '%s' "$PASSWORD" | flywheel admin create --username owner --password-stdin --reset
                """)

        @Option(help: "The name to sign in with.")
        var username: String

        @Flag(help: "Read the password from standard input (one line).")
        var passwordStdin = false

        @Flag(help: "Set a new password when the admin exists (else that is an error).")
        var reset = false

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let store = try await database.openStore()
            if try await store.admin(username: username) != nil, !reset {
                throw ValidationError("an admin named \(username) exists; pass --reset to set a new password")
            }
            let generated = passwordStdin ? nil : AdminAccounts.randomPassword()
            guard let password = generated ?? readLine(strippingNewline: true) else {
                throw ValidationError("--password-stdin: no password on standard input")
            }
            do {
                let account = try await AdminAccounts().account(username: username, password: password, now: Date())
                let saved = try await store.saveAdmin(account)
                print(saved.id == account.id ? "Created admin \(saved.username)." : "Set a new password for \(saved.username).")
            } catch let error as AdminPasswordError {
                throw ValidationError(error.description)
            }
            if let generated { print("Password (shown only now): \(generated)") }
        }
    }

    /// `flywheel admin list`
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List dashboard admins (never their passwords).")

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let store = try await database.openStore()
            let admins = try await store.admins()
            if admins.isEmpty { print("No admins yet: flywheel admin create --username NAME") }
            for admin in admins {
                print("\(admin.username)  created \(ISO8601DateFormatter().string(from: admin.createdAt))")
            }
        }
    }
}
