import Foundation

extension CustomerErasure {
    /// What identifies the person in an opaque stored text (an idempotent API answer): the customer's id, e-mail
    /// and names as stored, lower-cased, empty ones left out. Every engine deletes the idempotency records whose
    /// key or answer contains any of them (docs/consent.md, "The ledger and erasure").
    public static func mentions(id: String, email: String?, firstName: String?, lastName: String?) -> [String] {
        var seen = Set<String>()
        return [id, email, firstName, lastName].compactMap { $0?.lowercased() }
            .filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}

extension IdempotencyRecord {
    /// Whether the record's key or answer contains one of `mentions` (lower-cased), ignoring case.
    public func mentions(any mentions: [String]) -> Bool {
        let key = key.lowercased()
        let answer = String(decoding: body, as: UTF8.self).lowercased()
        return mentions.contains { key.contains($0) || answer.contains($0) }
    }
}
