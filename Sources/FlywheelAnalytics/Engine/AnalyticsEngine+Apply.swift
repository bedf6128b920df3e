public import FlywheelCore
public import Foundation

extension AnalyticsEngine {
    /// Applies records as they arrive and keeps every kept figure current without recomputing: each customer
    /// whose purchases change has its contribution taken back, its orders updated, and its contribution
    /// added again (work proportional to that customer's orders, plus moving one value in the sorted
    /// monetary column). Saved segments are re-evaluated for the customers the records touch, as of `asOf`.
    ///
    /// `asOf` is "now" for the segment judgement (lapse, RFM recency); it should not be before the records.
    @discardableResult
    public mutating func apply(_ batch: IngestBatch, asOf: Date) -> AppliedChanges {
        let affected = table.customersAffected(by: batch)
        var before: [Int32: Standing] = [:]
        do {
            let evaluator = keptEvaluator(asOf: asOf)
            for c in affected { before[c] = standing(Int(c), evaluator) }
        }
        var timeline = CustomerTimeline()
        var scratch = ContributionScratch()
        for c in affected {
            timeline.load(table.rows(ofCustomer: c), table: table, cutoff: Int64.max)
            kept.add(timeline, customer: Int(c), table: table, sign: -1, scratch: &scratch)
        }
        let knownCustomers = Int32(table.customers.count)
        let touched = table.addReportingCustomers(batch)
        kept.stats.grow(to: table.customers.count)
        for c in touched where affected.contains(c) || c >= knownCustomers {
            timeline.load(table.rows(ofCustomer: c), table: table, cutoff: Int64.max)
            kept.add(timeline, customer: Int(c), table: table, sign: 1, scratch: &scratch)
        }
        for c in affected where !touched.contains(c) {
            timeline.load(table.rows(ofCustomer: c), table: table, cutoff: Int64.max)
            kept.add(timeline, customer: Int(c), table: table, sign: 1, scratch: &scratch)
        }

        let evaluator = keptEvaluator(asOf: asOf)
        let compiled = savedSegments.map { CompiledRule($0.rule, table: table) }
        var changes: [CustomerChange] = []
        for c in touched.union(affected).sorted() {
            let i = Int(c)
            var entered: [String] = []
            var left: [String] = []
            for (s, rule) in compiled.enumerated() {
                if savedMembers[s].count <= i {
                    savedMembers[s].append(contentsOf: repeatElement(false, count: i + 1 - savedMembers[s].count))
                }
                let member = rule.matches(i, evaluator)
                if member != savedMembers[s][i] {
                    savedMembers[s][i] = member
                    if member { entered.append(savedSegments[s].name) } else { left.append(savedSegments[s].name) }
                }
            }
            let after = standing(i, evaluator)
            let previous = before[c] ?? Standing(stage: .prospect, rfmSegment: nil, isVIP: false)
            changes.append(
                CustomerChange(
                    customerID: table.customers.externalIDs[i], stageBefore: previous.stage, stageAfter: after.stage,
                    rfmSegmentBefore: previous.rfmSegment, rfmSegmentAfter: after.rfmSegment,
                    vipBefore: previous.isVIP, vipAfter: after.isVIP, enteredSegments: entered, leftSegments: left))
        }
        return AppliedChanges(customers: changes)
    }

    /// Applies one order (new, or a new version such as a cancellation).
    @discardableResult
    public mutating func apply(_ order: Order, asOf: Date) -> AppliedChanges {
        apply(IngestBatch(orders: [order]), asOf: asOf)
    }

    /// Applies one refund.
    @discardableResult
    public mutating func apply(_ refund: Refund, asOf: Date) -> AppliedChanges {
        apply(IngestBatch(refunds: [refund]), asOf: asOf)
    }

    struct Standing {
        var stage: LifecycleStage
        var rfmSegment: RFMSegment?
        var isVIP: Bool
    }

    private func standing(_ c: Int, _ evaluator: CustomerEvaluator) -> Standing {
        guard c < evaluator.stats.count else { return Standing(stage: .prospect, rfmSegment: nil, isVIP: false) }
        return Standing(stage: evaluator.stage(c), rfmSegment: evaluator.rfm(c)?.segment, isVIP: evaluator.isVIP(c))
    }
}
