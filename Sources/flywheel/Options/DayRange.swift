import ArgumentParser
import FlywheelCore

/// A command's `--since` / `--until` as days (YYYY-MM-DD), checked the same way for every command that takes
/// them: each must be a date, and `--since` not after `--until`.
struct DayRange {
    let since: CivilDate?
    let until: CivilDate?

    init(since: String?, until: String?) throws {
        for (name, value) in [("--since", since), ("--until", until)] {
            if let value, CivilDate(iso: value[...]) == nil {
                throw ValidationError("\(name): '\(value)' is not a date in the form YYYY-MM-DD")
            }
        }
        self.since = since.flatMap { CivilDate(iso: $0[...]) }
        self.until = until.flatMap { CivilDate(iso: $0[...]) }
        if let first = self.since, let last = self.until, first > last {
            throw ValidationError("--since \(first) is after --until \(last)")
        }
    }
}
