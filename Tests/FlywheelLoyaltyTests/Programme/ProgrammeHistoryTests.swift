import FlywheelCore
import Foundation
import Testing

@testable import FlywheelLoyalty

@Suite("ProgrammeHistory: which version applies when; changes never rewrite history")
struct ProgrammeHistoryTests {
    typealias S = ProgrammeTestSupport

    private func version(_ number: Int, from: String, expiry: ExpiryRule = .never) throws -> Programme {
        var programme = try S.load(S.json())
        programme.version = number
        programme.effectiveFrom = S.instant(from)
        programme.expiry = ExpiryPolicy(rule: expiry)
        programme.earning.pointsPerUnit = Int64(number)
        return programme
    }

    @Test("the version in force at t is the last one effective at or before t")
    func versionAt() throws {
        var history = ProgrammeHistory(first: try version(1, from: "2026-01-01T00:00:00Z"))
        try history.schedule(try version(2, from: "2026-06-01T00:00:00Z"), now: S.instant("2026-05-01T00:00:00Z"))
        #expect(history.version(at: S.instant("2025-12-31T23:59:59Z")) == nil)
        #expect(history.version(at: S.instant("2026-05-31T23:59:59Z"))?.version == 1)
        #expect(history.version(at: S.instant("2026-06-01T00:00:00Z"))?.version == 2)
        #expect(history.version(at: S.instant("2027-01-01T00:00:00Z"))?.earning.pointsPerUnit == 2)
    }

    @Test("a change effective in the past, or not newer, is refused with the reasons")
    func refusesRewrites() throws {
        var history = ProgrammeHistory(first: try version(1, from: "2026-01-01T00:00:00Z"))
        let late = try version(1, from: "2026-03-01T00:00:00Z")
        #expect(throws: ProgrammeError.self) {
            try history.schedule(late, now: S.instant("2026-04-01T00:00:00Z"))
        }
        do {
            try history.schedule(late, now: S.instant("2026-04-01T00:00:00Z"))
        } catch {
            #expect(error.problems.map(\.path) == ["version", "effective_from"])
        }
        #expect(history.versions.count == 1)
    }

    @Test("expiry is switched on at the first version of the current run with an expiry rule")
    func expirySwitch() throws {
        var history = ProgrammeHistory(first: try version(1, from: "2026-01-01T00:00:00Z"))
        let now = S.instant("2026-01-15T00:00:00Z")
        try history.schedule(try version(2, from: "2026-03-01T00:00:00Z", expiry: .inactivity(months: 12)), now: now)
        try history.schedule(try version(3, from: "2026-05-01T00:00:00Z", expiry: .inactivity(months: 6)), now: now)
        #expect(history.expirySwitchedOn(asOf: S.instant("2026-02-01T00:00:00Z")) == nil)
        #expect(history.expirySwitchedOn(asOf: S.instant("2026-06-01T00:00:00Z")) == S.instant("2026-03-01T00:00:00Z"))
    }
}
