/// One extra e-mail header kept with a rendered message (`List-Unsubscribe`, `List-Unsubscribe-Post` …).
public struct OutboxHeader: Sendable, Hashable, Codable {
    /// The header's name, ASCII (`List-Unsubscribe`).
    public var name: String
    /// Its value, unfolded.
    public var value: String

    /// A header.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
