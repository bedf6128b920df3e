/// A problem with a whole file, found before any row is stored: nothing is imported.
public struct ImportFileError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
