import FlywheelCore
import Foundation
import Testing

extension StoreConformance {
    static func adminsLifecycle(_ store: any FlywheelStore) async throws {
        let store = try await migrated(store)
        #expect(try await store.admins().isEmpty)
        let anna = AdminAccount(id: "adm_a", username: "anna", passwordHash: "$2b$04$one", createdAt: StoreFixtures.date(day: 1))
        let ben = AdminAccount(id: "adm_b", username: "Ben", passwordHash: "$2b$04$two", createdAt: StoreFixtures.date(day: 2))
        #expect(try await store.saveAdmin(ben) == ben)
        #expect(try await store.saveAdmin(anna) == anna)
        #expect(try await store.admins() == [anna, ben])
        #expect(try await store.admin(username: "anna") == anna)
        #expect(try await store.admin(username: "ANNA") == nil)
        #expect(try await store.admin(id: "adm_b") == ben)
        #expect(try await store.admin(id: "adm_zzz") == nil)

        // A new password for a known username keeps its id and creation time.
        let reset = AdminAccount(id: "adm_new", username: "anna", passwordHash: "$2b$04$three", createdAt: StoreFixtures.date(day: 5))
        var expected = anna
        expected.passwordHash = "$2b$04$three"
        #expect(try await store.saveAdmin(reset) == expected)
        #expect(try await store.admin(username: "anna") == expected)
        #expect(try await store.admins().count == 2)

        // Another username cannot take an id that is in use.
        let thief = AdminAccount(id: "adm_b", username: "carl", passwordHash: "$2b$04$four", createdAt: StoreFixtures.date(day: 6))
        await #expect(throws: AccessStoreError.duplicateAdmin(id: "adm_b")) { try await store.saveAdmin(thief) }
        #expect(try await store.admin(username: "carl") == nil)
    }

    static func adminSessionsLifecycle(_ store: any FlywheelStore) async throws {
        let store = try await migrated(store)
        let anna = AdminAccount(id: "adm_a", username: "anna", passwordHash: "$2b$04$one", createdAt: StoreFixtures.date(day: 1))
        _ = try await store.saveAdmin(anna)
        let live = AdminSession(
            tokenHash: String(repeating: "a", count: 64), adminID: "adm_a", createdAt: StoreFixtures.date(day: 2),
            expiresAt: StoreFixtures.date(day: 9))
        let old = AdminSession(
            tokenHash: String(repeating: "b", count: 64), adminID: "adm_a", createdAt: StoreFixtures.date(day: 1),
            expiresAt: StoreFixtures.date(day: 3))
        try await store.createAdminSession(live)
        try await store.createAdminSession(old)
        await #expect(throws: AccessStoreError.duplicateSession) { try await store.createAdminSession(live) }
        #expect(try await store.adminSession(tokenHash: live.tokenHash) == live)
        #expect(try await store.adminSession(tokenHash: String(repeating: "c", count: 64)) == nil)
        #expect(live.isValid(at: StoreFixtures.date(day: 8)))
        #expect(!live.isValid(at: StoreFixtures.date(day: 9)))

        #expect(try await store.deleteExpiredAdminSessions(now: StoreFixtures.date(day: 4)) == 1)
        #expect(try await store.adminSession(tokenHash: old.tokenHash) == nil)
        #expect(try await store.deleteAdminSession(tokenHash: live.tokenHash))
        #expect(try await !store.deleteAdminSession(tokenHash: live.tokenHash))
        #expect(try await store.adminSession(tokenHash: live.tokenHash) == nil)
    }
}
