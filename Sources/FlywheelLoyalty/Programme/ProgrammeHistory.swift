public import Foundation

/// Every version of one programme, oldest first. Answers "which version applies at time t"; a change is a new
/// version that applies from its effective time, so the past is never rewritten.
public struct ProgrammeHistory: Hashable, Sendable, Codable {
    /// The versions, by increasing version number and effective time.
    public private(set) var versions: [Programme]

    /// A history starting with `first`.
    public init(first: Programme) { versions = [first] }

    /// The version in force at `instant`: the last one whose `effectiveFrom` is at or before it; `nil` before
    /// the first version.
    public func version(at instant: Date) -> Programme? {
        var low = 0
        var high = versions.count
        while low < high {
            let middle = (low + high) / 2
            if versions[middle].effectiveFrom <= instant { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? nil : versions[low - 1]
    }

    /// Adds `next` as the newest version, decided at `now`.
    ///
    /// - Throws: `ProgrammeError` when `next` is invalid, names another programme, does not have a larger
    ///   version number, or takes effect before `now` or before the newest version (it would rewrite what
    ///   already applied).
    public mutating func schedule(_ next: Programme, now: Date) throws(ProgrammeError) {
        var problems = next.validate()
        let newest = versions[versions.count - 1]
        if next.id != newest.id {
            problems.append(ProgrammeProblem(path: "id", message: "must stay '\(newest.id)' across versions"))
        }
        if next.version <= newest.version {
            problems.append(
                ProgrammeProblem(path: "version", message: "must be greater than the newest (\(newest.version))"))
        }
        if next.effectiveFrom < now || next.effectiveFrom < newest.effectiveFrom {
            problems.append(
                ProgrammeProblem(
                    path: "effective_from",
                    message: "must not be in the past or before the newest version's; a change applies from its "
                        + "effective time and never rewrites history"))
        }
        guard problems.isEmpty else { throw ProgrammeError(problems: problems) }
        versions.append(next)
    }

    /// When expiry was last switched on, as of `instant`: the effective time of the earliest version of the
    /// newest unbroken run of versions with an expiry rule; `nil` when expiry is off at `instant`. Expiry
    /// bites only one full period after this time.
    public func expirySwitchedOn(asOf instant: Date) -> Date? {
        var switchedOn: Date?
        for programme in versions where programme.effectiveFrom <= instant {
            if programme.expiry.rule == .never {
                switchedOn = nil
            } else if switchedOn == nil {
                switchedOn = programme.effectiveFrom
            }
        }
        return switchedOn
    }
}
