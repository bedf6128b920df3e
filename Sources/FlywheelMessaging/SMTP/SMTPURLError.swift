/// An SMTP URL that cannot be used; `description` names the part that is wrong (never the password).
public struct SMTPURLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public var reason: String

    init(_ reason: String) { self.reason = reason }

    public var description: String { "the SMTP URL is not usable: \(reason)" }
}
