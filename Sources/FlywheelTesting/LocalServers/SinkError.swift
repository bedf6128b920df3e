/// A test server that could not start, or a precondition of the local servers missing.
public struct SinkError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
