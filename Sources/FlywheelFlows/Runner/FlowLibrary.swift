/// The published versions of every flow: new entries use a flow's current version, running enrolments look
/// up the version they entered with (which stays available after newer versions or switching off).
public struct FlowLibrary: Sendable {
    private var versions: [String: [Int: FlowProgram]] = [:]
    private var live: [String: Int] = [:]

    public init() {}

    /// Publishes a version and makes it current; it must be newer than every published version of the flow.
    public mutating func publish(_ program: FlowProgram) throws(FlowLibraryError) {
        if let newest = versions[program.id]?.keys.max(), program.version <= newest {
            throw FlowLibraryError(flowID: program.id, version: program.version, newest: newest)
        }
        versions[program.id, default: [:]][program.version] = program
        live[program.id] = program.version
    }

    /// Stops new entries; running enrolments keep their version.
    public mutating func switchOff(_ flowID: String) { live[flowID] = nil }

    /// The version an enrolment runs on.
    public func program(_ flowID: String, version: Int) -> FlowProgram? { versions[flowID]?[version] }

    /// The version new entries get, `nil` when the flow is off or unknown.
    public func current(_ flowID: String) -> FlowProgram? {
        live[flowID].flatMap { versions[flowID]?[$0] }
    }

    /// The current versions of the switched-on flows, in flow id order.
    public var currentPrograms: [FlowProgram] {
        live.sorted { $0.key < $1.key }.compactMap { versions[$0.key]?[$0.value] }
    }

    /// The current versions of the switched-on flows a kind of event triggers, in flow id order.
    public func currentPrograms(triggeredBy kind: TriggerKind) -> [FlowProgram] {
        currentPrograms.filter { $0.definition.trigger.event == kind }
    }

    /// A matcher over the current versions of the switched-on flows.
    public func matcher() -> FlowMatcher {
        FlowMatcher(programs: live.compactMap { versions[$0.key]?[$0.value] })
    }
}

/// A flow version that is not newer than one already published.
public struct FlowLibraryError: Error, Hashable, Sendable, CustomStringConvertible {
    public var flowID: String
    public var version: Int
    public var newest: Int

    public var description: String {
        "flow \(flowID): version \(version) is not newer than published version \(newest); raise \"version\""
    }
}
