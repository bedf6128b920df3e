import Foundation

/// Limits failed logins: at most `perAccount` failures for one username from one address, and
/// `perAddress` from one address over all usernames, within `window`. A blocked attempt is refused before
/// the password is checked, with the seconds to wait. A success clears the username's failures.
actor LoginThrottle {
    private let perAccount: Int
    private let perAddress: Int
    private let window: TimeInterval
    private var failures: [String: [Date]] = [:]

    init(perAccount: Int = 5, perAddress: Int = 20, window: TimeInterval = 15 * 60) {
        self.perAccount = perAccount
        self.perAddress = perAddress
        self.window = window
    }

    /// Seconds to wait before `username` may try again from `address`; `nil` when it may try now.
    func retryAfter(username: String, address: String, now: Date) -> Int? {
        let keys = [("u:" + address + "\n" + username.lowercased(), perAccount), ("a:" + address, perAddress)]
        var wait: TimeInterval = 0
        for (key, limit) in keys {
            let recent = prune(key, now: now)
            if recent.count >= limit, let oldest = recent.first { wait = max(wait, oldest + window - now.timeIntervalSince1970) }
        }
        return wait > 0 ? Int(wait.rounded(.up)) : nil
    }

    func recordFailure(username: String, address: String, now: Date) {
        for key in ["u:" + address + "\n" + username.lowercased(), "a:" + address] {
            failures[key, default: []].append(now)
        }
        if failures.count > 100_000 { failures = failures.filter { !$0.value.isEmpty } }
    }

    func recordSuccess(username: String, address: String) {
        failures.removeValue(forKey: "u:" + address + "\n" + username.lowercased())
    }

    private func prune(_ key: String, now: Date) -> [TimeInterval] {
        let cutoff = now.addingTimeInterval(-window)
        let kept = (failures[key] ?? []).filter { $0 > cutoff }
        failures[key] = kept.isEmpty ? nil : kept
        return kept.map(\.timeIntervalSince1970)
    }
}
