/// A stored enrolment snapshot that cannot be read back: cut short, from a newer Flywheel, or with a value
/// this build does not know.
public enum EnrolmentSnapshotError: Error, Hashable, Sendable, CustomStringConvertible {
    case truncated
    case unsupportedVersion(Int)
    case unknownValue(String)

    public var description: String {
        switch self {
        case .truncated: "enrolment snapshot is cut short"
        case .unsupportedVersion(let version):
            "enrolment snapshot has format version \(version), which this build cannot read (a newer Flywheel wrote it)"
        case .unknownValue(let what): "enrolment snapshot holds an unknown \(what)"
        }
    }
}
