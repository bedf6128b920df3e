import FlywheelCore

/// Turns a file's records into import units. One implementation per file format; all pure (no I/O).
protocol FormatReader {
    /// How lines split into fields.
    var layout: RecordLayout { get }
    /// Reads the first record when the format has a header; returns false if it was a data row after all
    /// (then it is passed to `consume`). Throws for a header that cannot work (missing columns).
    mutating func readHeader(_ record: Record) throws(ImportFileError) -> Bool
    /// Takes the next record; calls `emit` for every unit it completes.
    mutating func consume(_ record: Record, emit: (ImportUnit) -> Void)
    /// The end of the file: emits what is still pending.
    mutating func finish(emit: (ImportUnit) -> Void)
}
