/// A mailbox that does not parse; `description` says what is wrong.
public struct MailAddressError: Error, Sendable, Hashable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
