public import Foundation

/// The engine's figures as of one instant, for reports: metrics per period, cohorts, funnel, segments and
/// customer profiles, for every customer or a segment. Built once per report (a pass over the customers
/// when the instant is before the newest order, otherwise the kept figures are used as they are).
///
/// Orders placed after `asOf` do not count, nor do survey answers and reviews given after it. Refunds and
/// cancellations count whenever they happened: an order counts for what it finally came to.
public struct AnalyticsSnapshot: Sendable {
    /// The instant the figures are as of.
    public let asOf: Date
    /// The lifecycle windows learned from the gaps between purchases up to `asOf`.
    public let lapseWindow: LapseWindow
    let table: OrderTable
    let options: AnalyticsOptions
    let index: CustomerOrderIndex
    /// The figures over every customer up to `asOf`.
    let all: AggregateSet
    let cutoff: Int64
    let asOfDay: Int32
    let feedback: FeedbackFacts
    let evaluator: CustomerEvaluator
    let savedSegments: [SavedSegment]
    /// Report work the engine started as of this instant (`ReportAhead`), if any.
    let ahead: ReportWorkAhead?

    init(engine: AnalyticsEngine, asOf: Date) {
        self.asOf = asOf
        table = engine.table
        options = engine.options
        savedSegments = engine.savedSegments
        cutoff = LocalDayConverter.seconds(of: asOf)
        var converter = LocalDayConverter(timeZone: table.timeZone)
        asOfDay = converter.localDay(utcSeconds: cutoff)
        // The engine's grouping when the table has not changed since it was made (the same rows either way).
        index = engine.orderIndex ?? CustomerOrderIndex(table)
        ahead = engine.ahead.flatMap { $0.asOf == asOf ? $0 : nil }
        all =
            cutoff >= table.latestPlacedAt
            ? engine.kept
            : AggregateSet.build(
                table: table, index: index, cutoff: cutoff, include: nil, loyalPurchases: options.loyalPurchases)
        lapseWindow = options.lapse.window(from: all.gaps)
        feedback = FeedbackFacts(table, cutoff: cutoff)
        evaluator = CustomerEvaluator(
            table: table, stats: all.stats, ranker: all.rfm.ranker(), window: lapseWindow, options: options,
            asOfDay: asOfDay, cutoff: cutoff, feedback: feedback, index: index)
    }

    /// The shop's currency code.
    public var currency: String { table.currency.code }

    /// Which customers `filter` selects (`nil`: all of them).
    func mask(_ filter: CustomerFilter) throws(SegmentRuleError) -> [Bool]? {
        let count = table.customers.count
        switch filter {
        case .all:
            return nil
        case .lifecycle(let stage):
            return (0..<count).map { evaluator.stage($0) == stage }
        case .rfm(let segment):
            return (0..<count).map { evaluator.rfm($0)?.segment == segment }
        case .vip:
            return (0..<count).map { evaluator.isVIP($0) }
        case .saved(let name):
            guard let segment = savedSegments.first(where: { $0.name == name }) else {
                throw SegmentRuleError(condition: nil, "there is no saved segment named \(name)")
            }
            return try mask(.rule(segment.rule))
        case .rule(let rule):
            try rule.validate()
            let compiled = CompiledRule(rule, table: table)
            return (0..<count).map { compiled.matches($0, evaluator) }
        }
    }

    /// The figures over the customers of `filter`.
    func aggregates(_ filter: CustomerFilter) throws(SegmentRuleError) -> (AggregateSet, [Bool]?) {
        guard let mask = try mask(filter) else { return (all, nil) }
        let set = AggregateSet.build(
            table: table, index: index, cutoff: cutoff, include: mask, loyalPurchases: options.loyalPurchases)
        return (set, mask)
    }

    /// The profile of one customer; `nil` when the table does not know the id.
    public func profile(customerExternalID: String) -> CustomerProfile? {
        guard let c = table.customers.index(of: customerExternalID).map(Int.init) else { return nil }
        let names = savedSegments.filter { CompiledRule($0.rule, table: table).matches(c, evaluator) }.map(\.name)
        return evaluator.profile(c, savedSegments: names)
    }

    /// The ids of the customers `filter` selects, in the order the table first saw them.
    public func members(of filter: CustomerFilter) throws(SegmentRuleError) -> [String] {
        guard let mask = try mask(filter) else { return table.customers.externalIDs }
        return mask.indices.filter { mask[$0] }.map { table.customers.externalIDs[$0] }
    }
}
