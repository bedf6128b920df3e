public import Foundation

extension Enrolment {
    /// The snapshot format this build writes (the first byte of every snapshot).
    public static let snapshotVersion: UInt8 = 1

    /// The whole enrolment as compact bytes for the scheduler's row: a format version, then every field
    /// (history included). `Enrolment(snapshot:)` reads it back equal. Binary rather than JSON: the
    /// scheduler reads and writes one per due step, and this costs about a microsecond.
    public func snapshot() -> Data {
        var writer = SnapshotWriter()
        writer.byte(Self.snapshotVersion)
        writer.string(id)
        writer.string(customerID)
        writer.string(flowID)
        writer.int(flowVersion)
        writer.date(enteredAt)
        writer.bool(holdout)
        writer.trigger(entryEvent)
        writer.int(stepIndex)
        writer.state(state)
        writer.optionalString(variant)
        writer.trigger(lastEvent)
        writer.int(history.count)
        for record in history { writer.record(record) }
        return Data(writer.bytes)
    }

    /// An enrolment from `snapshot()`'s bytes; throws `EnrolmentSnapshotError` on bytes it cannot read.
    public init(snapshot data: Data) throws(EnrolmentSnapshotError) {
        var reader = SnapshotReader([UInt8](data))
        let version = try reader.byte()
        guard version == Self.snapshotVersion else { throw .unsupportedVersion(Int(version)) }
        let id = try reader.string()
        let customerID = try reader.string()
        let flowID = try reader.string()
        let flowVersion = try reader.int()
        let enteredAt = try reader.date()
        let holdout = try reader.bool()
        let entryEvent = try reader.trigger()
        let stepIndex = try reader.int()
        let state = try reader.state()
        let variant = try reader.optionalString()
        let lastEvent = try reader.trigger()
        let count = try reader.int()
        guard count >= 0 else { throw .unknownValue("history length") }
        var history: [EnrolmentRecord] = []
        history.reserveCapacity(min(count, 1_024))
        for _ in 0..<count { history.append(try reader.record()) }
        guard reader.isAtEnd else { throw .unknownValue("trailing bytes") }
        self.init(
            restoring: id, customerID: customerID, flowID: flowID, flowVersion: flowVersion, enteredAt: enteredAt,
            holdout: holdout, entryEvent: entryEvent, stepIndex: stepIndex, state: state, variant: variant,
            lastEvent: lastEvent, history: history)
    }
}
