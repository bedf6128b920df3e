/// A user name and password for SMTP AUTH. Printing it never shows the password.
public struct SMTPCredentials: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The user name.
    public var username: String
    /// The password.
    public var password: String

    /// Creates credentials.
    public init(username: String, password: String) {
        self.username = username
        self.password = password
    }

    public var description: String { "SMTPCredentials(username: \(username), password: ***)" }
    public var debugDescription: String { description }
}
