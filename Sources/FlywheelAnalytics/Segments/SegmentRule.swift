/// A rule-based segment's definition: conditions combined with all (and) or any (or).
///
/// ```swift
/// SegmentRule(.all, [
///     SegmentCondition(.orders, .greaterOrEqual, .number(3)),
///     SegmentCondition(.daysSinceLastPurchase, .greater, .number(60)),
///     SegmentCondition(.rfmSegment, .equal, .text("At Risk")),
/// ])
/// ```
/// A condition on a fact the customer does not have (days since the last purchase of a customer who never
/// bought, the latest NPS of one who never answered) is false, whatever the comparison.
public struct SegmentRule: Hashable, Codable, Sendable, CustomStringConvertible {
    /// How conditions combine.
    public enum Match: String, Codable, Hashable, Sendable {
        /// Every condition holds (an empty rule matches everyone).
        case all
        /// At least one condition holds (an empty rule matches no one).
        case any
    }

    public var match: Match
    public var conditions: [SegmentCondition]

    /// A rule from its parts.
    public init(_ match: Match, _ conditions: [SegmentCondition]) {
        self.match = match
        self.conditions = conditions
    }

    /// Checks that every value fits its field and comparison.
    public func validate() throws(SegmentRuleError) {
        for (index, condition) in conditions.enumerated() {
            let kind = condition.field.kind
            switch (kind, condition.value) {
            case (.number, .number), (.text, .text), (.flag, .flag): break
            default:
                throw SegmentRuleError(
                    condition: index, "\(condition.field.rawValue) takes a \(kind.rawValue), not \(condition.value)")
            }
            if kind != .number && condition.comparison != .equal && condition.comparison != .notEqual {
                throw SegmentRuleError(
                    condition: index, "\(condition.field.rawValue) can only be compared with = or !=")
            }
            if condition.field == .lifecycleStage, case .text(let text) = condition.value,
                LifecycleStage.named(text) == nil
            {
                throw SegmentRuleError(condition: index, "\(text) is not a lifecycle stage")
            }
            if condition.field == .rfmSegment, case .text(let text) = condition.value, RFMSegment.named(text) == nil {
                throw SegmentRuleError(condition: index, "\(text) is not an RFM segment")
            }
        }
    }

    /// `all(orders >= 3, days_since_last_purchase > 60)`.
    public var description: String { "\(match.rawValue)(\(conditions.map(\.description).joined(separator: ", ")))" }
}

extension LifecycleStage {
    /// The stage named by its raw value or name, any case.
    static func named(_ text: String) -> LifecycleStage? {
        allCases.first { $0.rawValue.lowercased() == text.lowercased() }
    }
}

extension RFMSegment {
    /// The segment named by its raw value (`at_risk`) or its name (`At Risk`), any case.
    static func named(_ text: String) -> RFMSegment? {
        let lowered = text.lowercased()
        return allCases.first { $0.rawValue == lowered || $0.description.lowercased() == lowered }
    }
}
