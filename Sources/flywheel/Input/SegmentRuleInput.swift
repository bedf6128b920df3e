import ArgumentParser
import FlywheelAnalytics
import Foundation

/// A saved segment from the command line: the name and the rule's JSON checked as `PUT /api/v1/segments/{name}`
/// checks them, each mistake named by the API's JSON pointer (`/name`, `/rule/conditions/1`) and reason.
enum SegmentRuleInput {
    /// The segment, or a `ValidationError` naming the pointer and the reason; nothing is stored then.
    static func segment(name: String, json: Data) throws -> SavedSegment {
        if let refusal = SavedSegment.refusal(name: name) { throw refused(refusal.pointer, refusal.reason) }
        var ruleJSON = json
        if let object = try? JSONSerialization.jsonObject(with: json) as? [String: Any], let rule = object["rule"] {
            // The API's body, {"rule": {...}}.
            ruleJSON = (try? JSONSerialization.data(withJSONObject: rule)) ?? json
        }
        let rule: SegmentRule
        do {
            rule = try JSONDecoder().decode(SegmentRule.self, from: ruleJSON)
        } catch let error as DecodingError {
            throw refused(pointer(error), reason(error))
        } catch {
            throw refused("/rule", "is not JSON")
        }
        if let refusal = SavedSegment.refusal(name: name, rule: rule) { throw refused(refusal.pointer, refusal.reason) }
        return SavedSegment(name: name, rule: rule)
    }

    static func refused(_ pointer: String, _ reason: String) -> ArgumentParser.ValidationError {
        ValidationError("The segment was refused; nothing was stored. \(pointer): \(reason)")
    }

    /// The JSON pointer of a decoding error's place in the rule.
    static func pointer(_ error: DecodingError) -> String {
        let path: [any CodingKey]
        switch error {
        case .keyNotFound(let key, let context): path = context.codingPath + [key]
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            path = context.codingPath
        @unknown default: path = []
        }
        return "/rule" + path.map { "/" + ($0.intValue.map(String.init) ?? $0.stringValue) }.joined()
    }

    static func reason(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound: "is missing"
        case .typeMismatch, .valueNotFound: "has the wrong type"
        case .dataCorrupted(let context):
            context.codingPath.isEmpty ? "is not JSON" : "is not one of the values allowed (docs/metrics.md lists them)"
        @unknown default: "cannot be read"
        }
    }
}
