/// What an API key may do. `admin` includes everything; `ingest` writes records; `read` reads them.
public enum APIScope: String, Sendable, Hashable, CaseIterable, Comparable {
    /// Send customers, orders, refunds, shipments, returns, spend and consent changes.
    case ingest
    /// Read what is stored.
    case read
    /// Everything, including managing the programme and keys.
    case admin

    public static func < (lhs: APIScope, rhs: APIScope) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension Set where Element == APIScope {
    /// Whether these scopes allow an action that needs `scope` (`admin` allows all).
    public func allows(_ scope: APIScope) -> Bool { contains(scope) || contains(.admin) }
}
