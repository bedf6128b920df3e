import FlywheelCore

/// A validated flow definition compiled for running: step references resolved to indices, subjects indexed
/// by locale, split weights accumulated. Built once per (flow, version) and shared by all its enrolments.
public struct FlowProgram: Sendable {
    public let definition: FlowDefinition
    let steps: [CompiledStep]
    let holdoutBasisPoints: Int

    /// Validates the definition (every problem is reported) and compiles it.
    public init(_ definition: FlowDefinition, catalogue: TemplateCatalogue? = nil) throws(FlowValidationError) {
        try definition.validate(catalogue: catalogue)
        self.definition = definition
        var index: [String: Int] = [:]
        for (i, step) in definition.steps.enumerated() { index[step.id] = i }
        func resolve(_ id: String?) -> Int? { id.flatMap { index[$0] } }
        steps = definition.steps.map { step in
            let next = resolve(step.next)
            switch step.kind {
            case .wait(let spec):
                if case .untilEvent(let wait) = spec {
                    return .waitForEvent(wait, onEvent: next, onTimeout: resolve(wait.onTimeout))
                }
                return .wait(spec, next: next)
            case .condition(let condition, let then, let otherwise):
                return .condition(condition, then: resolve(then), else: resolve(otherwise))
            case .split(let variants):
                var cumulative: [Int] = []
                var total = 0
                for variant in variants {
                    total += variant.weight
                    cumulative.append(total)
                }
                return .split(
                    names: variants.map(\.variant), cumulative: cumulative, next: variants.map { resolve($0.next) })
            case .send(let spec):
                let subjects = ShopLocale.allCases.map { spec.subject[$0.rawValue] }
                return .send(
                    CompiledMessage(
                        spec: spec, messageClass: spec.messageClass ?? definition.messageClass, subjects: subjects),
                    next: next)
            default:
                return .effect(step.kind, next: next)
            }
        }
        holdoutBasisPoints = Int((definition.holdoutPercent * 100).rounded())
    }

    public var id: String { definition.id }
    public var version: Int { definition.version }

    /// The id of step `index`.
    public func stepID(_ index: Int) -> String { definition.steps[index].id }

    /// The index of a step id, for restoring a stored enrolment.
    public func stepIndex(of id: String) -> Int? { definition.steps.firstIndex { $0.id == id } }
}

/// A step with resolved successors.
enum CompiledStep: Sendable {
    case wait(WaitSpec, next: Int?)
    case waitForEvent(EventWait, onEvent: Int?, onTimeout: Int?)
    case condition(Condition, then: Int?, else: Int?)
    case split(names: [String], cumulative: [Int], next: [Int?])
    case send(CompiledMessage, next: Int?)
    case effect(StepKind, next: Int?)
}

/// A send step ready to fill an `OutgoingMessage`.
struct CompiledMessage: Sendable {
    let spec: MessageSpec
    let messageClass: MessageClass
    /// Indexed like `ShopLocale.allCases`.
    let subjects: [String?]

    func subject(for locale: ShopLocale) -> String? {
        subjects[locale == .de ? 0 : 1]
    }
}
