/// How far an import has come; reported after every stored batch.
public struct ImportProgress: Sendable {
    public var bytesDone: Int64
    public var totalBytes: Int64
    public var rowsRead: Int
    public var rowsRejected: Int
    /// The pass: checking (strict mode's first pass) or importing.
    public var checking: Bool

    public var fraction: Double { totalBytes == 0 ? 1 : Double(bytesDone) / Double(totalBytes) }
}
