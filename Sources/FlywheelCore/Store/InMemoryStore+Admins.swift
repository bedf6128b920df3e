public import Foundation

extension InMemoryStore {
    public func saveAdmin(_ account: AdminAccount) async throws -> AdminAccount {
        var stored = account
        if let existing = adminAccounts[account.username] {
            stored.id = existing.id
            stored.createdAt = existing.createdAt
        } else if adminAccounts.values.contains(where: { $0.id == account.id }) {
            throw AccessStoreError.duplicateAdmin(id: account.id)
        }
        adminAccounts[account.username] = stored
        return stored
    }

    public func admin(username: String) async throws -> AdminAccount? { adminAccounts[username] }

    public func admin(id: String) async throws -> AdminAccount? { adminAccounts.values.first { $0.id == id } }

    public func admins() async throws -> [AdminAccount] {
        adminAccounts.values.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    }

    public func createAdminSession(_ session: AdminSession) async throws {
        guard adminSessions[session.tokenHash] == nil else { throw AccessStoreError.duplicateSession }
        adminSessions[session.tokenHash] = session
    }

    public func adminSession(tokenHash: String) async throws -> AdminSession? { adminSessions[tokenHash] }

    public func deleteAdminSession(tokenHash: String) async throws -> Bool {
        adminSessions.removeValue(forKey: tokenHash) != nil
    }

    public func deleteExpiredAdminSessions(now: Date) async throws -> Int {
        let expired = adminSessions.values.filter { !$0.isValid(at: now) }.map(\.tokenHash)
        for hash in expired { adminSessions.removeValue(forKey: hash) }
        return expired.count
    }
}
