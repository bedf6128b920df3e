public import FlywheelCore
public import Foundation
import HummingbirdBcrypt
import NIOPosix

/// Makes and checks dashboard admins' passwords: bcrypt (a slow, salted hash; cost 12 by default, about a
/// quarter second) run on NIO's thread pool so a login never blocks the server's event loops.
public struct AdminAccounts: Sendable {
    /// Bcrypt's cost (log2 of its rounds). Tests use a small one; the hash records its own cost, so older
    /// hashes keep verifying when this changes.
    public let cost: UInt8

    /// The shortest password accepted.
    public static let minimumPasswordLength = 12

    public init(cost: UInt8 = 12) {
        self.cost = cost
    }

    /// A new account (or a new password for `username`) to store with `FlywheelStore.saveAdmin`.
    /// Throws `AdminPasswordError` for a password that is too short or a username that is empty or odd.
    public func account(username: String, password: String, now: Date) async throws -> AdminAccount {
        let name = username.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 100, !name.contains(where: { $0.isNewline || $0 == "\0" }) else {
            throw AdminPasswordError("the username must be 1–100 characters on one line")
        }
        guard password.count >= Self.minimumPasswordLength else {
            throw AdminPasswordError("the password must have at least \(Self.minimumPasswordLength) characters")
        }
        guard password.utf8.count <= 72 else {
            throw AdminPasswordError("the password must have at most 72 bytes (bcrypt ignores the rest)")
        }
        let cost = self.cost
        let hash = try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
        var generator = SystemRandomNumberGenerator()
        let id = "adm_" + (0..<8).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max, using: &generator)) }
            .joined()
        return AdminAccount(id: id, username: name, passwordHash: hash, createdAt: now)
    }

    /// Whether `password` is the one `account` was made with.
    public func verify(_ password: String, of account: AdminAccount) async -> Bool {
        let hash = account.passwordHash
        return (try? await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }) ?? false
    }

    /// Verifies against a fixed hash when the username is unknown, so a wrong username takes as long as a
    /// wrong password (no user enumeration by timing).
    func burnVerification(_ password: String) async {
        let cost = self.cost
        _ = try? await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    /// A readable random password: 4 groups of 5 lower-case letters and digits (about 103 bits).
    public static func randomPassword() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyz23456789")
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String((0..<5).map { _ in alphabet.randomElement(using: &generator)! }) }
            .joined(separator: "-")
    }
}

/// A username or password the dashboard cannot accept, with the reason.
public struct AdminPasswordError: Error, CustomStringConvertible, Sendable {
    public let description: String
    init(_ description: String) { self.description = description }
}
