public import FlywheelCore
public import Testing

/// One rule of the store contract, checked against any engine.
///
/// `run` receives a new, empty store that was not migrated yet, and reports failures through Swift Testing
/// (`#expect`, `#require`), so it must run inside a test.
public struct StoreCheck: Sendable, CustomStringConvertible, CustomTestStringConvertible {
    /// What the check shows, in words: it names the test case.
    public let name: String
    /// The check itself.
    public let run: @Sendable (any FlywheelStore) async throws -> Void

    /// A check named `name`.
    public init(_ name: String, _ run: @escaping @Sendable (any FlywheelStore) async throws -> Void) {
        self.name = name
        self.run = run
    }

    public var description: String { name }
    public var testDescription: String { name }
}
