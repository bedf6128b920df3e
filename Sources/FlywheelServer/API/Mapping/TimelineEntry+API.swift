import FlywheelCore

extension TimelineEntry {
    /// The entry as the API shows it.
    var api: Components.Schemas.TimelineEntry {
        .init(
            at: at, kind: kind.api, flowId: flowID, flowVersion: flowVersion, enrolmentId: enrolmentID, stepId: stepID,
            messageId: messageID, detail: detail)
    }
}

extension TimelineEntry.Kind {
    var api: Components.Schemas.TimelineEntry.KindPayload {
        switch self {
        case .entered: .entered
        case .waiting: .waiting
        case .resumed: .resumed
        case .sent: .sent
        case .skipped: .skipped
        case .postponed: .postponed
        case .heldBack: .heldBack
        case .performed: .performed
        case .goalReached: .goalReached
        case .exited: .exited
        }
    }
}
