public import Foundation

/// Reads a flow file and reports every problem at once: malformed parts (a bad duration, an unknown key)
/// are collected per step instead of stopping at the first, then the parsed definition is validated.
public enum FlowDocument {
    /// The definition when the file is valid, else a `FlowValidationError` naming every problem.
    /// `name` (e.g. the file name) labels the error when the flow's own id cannot be read.
    public static func parse(
        _ data: Data, name: String, catalogue: TemplateCatalogue? = nil
    ) -> Result<FlowDefinition, FlowValidationError> {
        let lenient: LenientFlow
        do {
            lenient = try JSONDecoder().decode(LenientFlow.self, from: data)
        } catch let error as DecodingError {
            return .failure(FlowValidationError(flow: name, problems: [problem(from: error, stepIDs: [])]))
        } catch {
            return .failure(
                FlowValidationError(flow: name, problems: [FlowProblem(step: nil, key: "", reason: "\(error)")]))
        }
        let label = lenient.label ?? name
        guard let definition = lenient.definition else {
            return .failure(FlowValidationError(flow: label, problems: lenient.problems))
        }
        let all = lenient.problems + definition.problems(catalogue: catalogue)
        return all.isEmpty ? .success(definition) : .failure(FlowValidationError(flow: label, problems: all))
    }

    /// A problem from a decoding error, located at its step when it is inside one.
    static func problem(from error: DecodingError, stepIDs: [String?]) -> FlowProblem {
        let (path, reason): ([any CodingKey], String)
        switch error {
        case .keyNotFound(let key, let context): (path, reason) = (context.codingPath + [key], "missing")
        case .valueNotFound(_, let context): (path, reason) = (context.codingPath, "must not be null")
        case .typeMismatch(let type, let context):
            (path, reason) = (context.codingPath, "expected \(typeName(type))")
        case .dataCorrupted(let context):
            (path, reason) = (
                context.codingPath, context.debugDescription.isEmpty ? "invalid" : context.debugDescription
            )
        @unknown default: (path, reason) = ([], "\(error)")
        }
        var step: String?
        var rest = path[...]
        if path.count >= 2, path[0].stringValue == "steps", let index = path[1].intValue {
            step = FlowProblem.stepLabel(index, index < stepIDs.count ? stepIDs[index] : nil)
            rest = path.dropFirst(2)
        }
        var key = ""
        for component in rest {
            if let index = component.intValue {
                key += "[\(index)]"
            } else {
                key += (key.isEmpty ? "" : ".") + component.stringValue
            }
        }
        return FlowProblem(step: step, key: key, reason: reason)
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "text"
        case is Int.Type, is Int64.Type: "a whole number"
        case is Double.Type: "a number"
        case is Bool.Type: "true or false"
        default: type is any Collection.Type ? "a list" : "an object"
        }
    }
}

/// A flow file decoded key by key and step by step, keeping every decoding problem.
private struct LenientFlow: Decodable {
    var definition: FlowDefinition?
    var problems: [FlowProblem] = []
    var label: String?

    init(from decoder: any Decoder) throws {
        typealias Keys = FlowDefinition.Keys
        let root = try decoder.container(keyedBy: AnyKey.self)
        let known = Set(Keys.allCases.map(\.rawValue))
        for key in root.allKeys where !known.contains(key.stringValue) {
            problems.append(
                FlowProblem(
                    step: nil, key: key.stringValue,
                    reason: "unknown key; expected one of \(known.sorted().joined(separator: ", "))"))
        }
        let c = try decoder.container(keyedBy: Keys.self)
        var problems = self.problems
        func field<T>(_ key: Keys, _ read: () throws -> T) -> T? {
            do {
                return try read()
            } catch let error as DecodingError {
                problems.append(FlowDocument.problem(from: error, stepIDs: []))
            } catch {
                problems.append(FlowProblem(step: nil, key: key.rawValue, reason: "\(error)"))
            }
            return nil
        }
        let id = field(.id) { try c.decode(String.self, forKey: .id) }
        let name = field(.name) { try c.decode(String.self, forKey: .name) }
        let version = field(.version) { try c.decode(Int.self, forKey: .version) }
        if let id { label = version.map { "\(id) v\($0)" } ?? id }
        let messageClass = field(.messageClass) { try c.decode(MessageClass.self, forKey: .messageClass) }
        let priority = field(.priority) { try c.decodeIfPresent(Int.self, forKey: .priority) ?? 50 }
        let value = field(.expectedValueMinor) { try c.decodeIfPresent(Int64.self, forKey: .expectedValueMinor) ?? 0 }
        let trigger = field(.trigger) { try c.decode(EventPattern.self, forKey: .trigger) }
        let reentry = field(.reentry) { try c.decodeIfPresent(ReentryRule.self, forKey: .reentry) ?? .notWhileActive }
        let holdout = field(.holdoutPercent) { try c.decodeIfPresent(Double.self, forKey: .holdoutPercent) ?? 0 }
        let winBack = field(.winBack) { try c.decodeIfPresent(Bool.self, forKey: .winBack) ?? false }
        let locales = field(.locales) { try FlowDefinition.decodeLocales(c) }
        let goals = field(.goals) { try c.decodeIfPresent([EventPattern].self, forKey: .goals) ?? [] }
        let slots = field(.steps) { try c.decode([StepSlot].self, forKey: .steps) }
        var steps: [FlowStep]? = []
        if let slots {
            let ids = slots.map(\.id)
            for slot in slots {
                if let step = slot.step {
                    steps?.append(step)
                } else {
                    steps = nil
                    if let error = slot.error { problems.append(FlowDocument.problem(from: error, stepIDs: ids)) }
                }
            }
        }
        self.problems = problems
        guard problems.isEmpty, let id, let name, let version, let messageClass, let priority, let value, let trigger,
            let reentry, let holdout, let winBack, let locales, let goals, let slots, let steps,
            steps.count == slots.count
        else { return }
        definition = FlowDefinition(
            id: id, name: name, version: version, messageClass: messageClass, priority: priority,
            expectedValueMinor: value, trigger: trigger, reentry: reentry, holdoutPercent: holdout, winBack: winBack,
            locales: locales, steps: steps, goals: goals)
    }
}

/// One element of `steps` that never fails to decode: it holds the step or the error (and the id, if readable).
private struct StepSlot: Decodable {
    var step: FlowStep?
    var error: DecodingError?
    var id: String?

    init(from decoder: any Decoder) throws {
        id = try? decoder.container(keyedBy: AnyKey.self).decode(String.self, forKey: AnyKey(stringValue: "id"))
        do {
            step = try FlowStep(from: decoder)
        } catch let error as DecodingError {
            self.error = error
        }
    }
}
