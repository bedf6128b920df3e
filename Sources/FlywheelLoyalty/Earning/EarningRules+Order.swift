public import FlywheelCore
public import Foundation

extension EarningRules {
    /// The points `order` earns, with a breakdown.
    ///
    /// 1. **Eligible amount, per part.** Each line keeps `totalMinor` minus its share of the order's
    ///    discounts, allocated pro rata to line totals (shares rounded down, left-over cents one each to the
    ///    first lines). An order without lines is one part of `subtotalMinor` (already net of discounts).
    ///    Shipping is a part when `includeShipping`. Tax added on top is a part when `includeTax`; when
    ///    prices include tax and `includeTax` is off, `taxMinor` is allocated pro rata over the lines and
    ///    the full shipping and taken out of each part. Negative parts count as 0.
    /// 2. **Base** = `floor(eligible × pointsPerUnit ÷ 10^digits)` on the sum of the parts.
    /// 3. **Line extras**: a line with a SKU (else category) multiplier `m` adds
    ///    `floor(line × pointsPerUnit × (m − 100) ÷ (100 × 10^digits))`.
    /// 4. **Boosts and tier** each add `floor(P × (m − 100) ÷ 100)` where `P` = base + line extras, so they
    ///    stack additively (two 2× boosts make 3×, not 4×).
    ///
    /// - Throws: `EarningError.currencyMismatch` when the order is not in `currency` (refused, not 0, so a
    ///   misconfigured shop notices).
    public func points(for order: Order, context: EarningContext) throws(EarningError) -> EarnedPoints {
        guard order.currency.code == currency else {
            throw .currencyMismatch(expected: currency, got: order.currency.code)
        }
        let scale = EarningArithmetic.powerOfTen(order.currency.minorUnitDigits)
        // Per-line parts only when a line multiplier needs them or discounts or tax must be allocated.
        let sum = skuMultipliers.isEmpty && categoryMultipliers.isEmpty ? eligibleSum(of: order) : nil
        let parts = sum == nil ? eligibleParts(of: order) : (lines: [], other: 0)
        let eligible = sum ?? parts.lines.reduce(0, +) + parts.other
        let base = EarningArithmetic.multiplyDivide(eligible, max(0, pointsPerUnit), scale)

        var lineExtras: [EarnedPoints.LineExtra] = []
        for (index, amount) in parts.lines.enumerated() where index < order.lineItems.count {
            guard let (rule, multiplier) = multiplier(for: order.lineItems[index]) else { continue }
            let (factor, overflow) = max(0, pointsPerUnit).multipliedReportingOverflow(by: multiplier.percent - 100)
            let extra = EarningArithmetic.multiplyDivide(amount, overflow ? Int64.max : factor, scale * 100)
            guard extra > 0 else { continue }
            lineExtras.append(.init(lineIndex: index, rule: rule, multiplier: multiplier, points: extra))
        }

        return withBoosts(
            eligible: eligible, base: base, lineExtras: lineExtras, placedAt: order.placedAt, context: context)
    }

    /// The points of an order whose eligible amount is already known and that has no line extras — what
    /// `points(for:context:)` gives an order in `currency` without discounts, tax or shipping to count and
    /// without SKU or category multipliers on its lines (a plain-CSV order read in columns: its eligible
    /// amount is its total). `digits` are the currency's minor-unit digits.
    public func points(eligibleMinor eligible: Int64, digits: Int, placedAt: Date, context: EarningContext)
        -> EarnedPoints
    {
        let base = EarningArithmetic.multiplyDivide(
            eligible, max(0, pointsPerUnit), EarningArithmetic.powerOfTen(digits))
        return withBoosts(eligible: eligible, base: base, lineExtras: [], placedAt: placedAt, context: context)
    }

    /// Steps 4 of `points(for:context:)`: the boosts and the tier extra on base + line extras.
    private func withBoosts(
        eligible: Int64, base: Int64, lineExtras: [EarnedPoints.LineExtra], placedAt: Date, context: EarningContext
    ) -> EarnedPoints {
        let beforeBoosts = base + lineExtras.reduce(0) { $0 + $1.points }
        var boostExtras: [EarnedPoints.BoostExtra] = []
        // The local date costs a time-zone lookup: only when a boost needs it.
        let local = boosts.isEmpty ? CivilDate(daysSinceEpoch: 0) : context.calendar.localDate(of: placedAt)
        for boost in boosts where applies(boost, at: placedAt, localDate: local, context: context) {
            let extra = boost.multiplier.extra(on: beforeBoosts)
            guard extra > 0 else { continue }
            boostExtras.append(.init(name: boost.name, multiplier: boost.multiplier, points: extra))
        }
        return EarnedPoints(
            eligibleMinor: eligible, base: base, lineExtras: lineExtras, boostExtras: boostExtras,
            tierExtra: context.tierMultiplier.extra(on: beforeBoosts))
    }

    /// The sum of `eligibleParts(of:)` when nothing is allocated over the lines (no discount; tax not taken
    /// out of tax-inclusive prices), without building the parts (a replay earns millions of orders); `nil`
    /// otherwise.
    func eligibleSum(of order: Order) -> Int64? {
        guard order.discountMinor <= 0, !order.taxesIncluded || includeTax else { return nil }
        var lines: Int64 = 0
        if order.lineItems.isEmpty {
            lines = max(0, order.subtotalMinor)
        } else {
            for line in order.lineItems { lines += max(0, line.totalMinor) }
        }
        let tax = !order.taxesIncluded && includeTax ? max(0, order.taxMinor) : 0
        return lines + (includeShipping ? max(0, order.shippingMinor) : 0) + tax
    }

    /// The eligible amount of each line (index-aligned with `lineItems`, or one part for an order without
    /// lines) and of shipping plus tax together.
    func eligibleParts(of order: Order) -> (lines: [Int64], other: Int64) {
        var lines: [Int64]
        if order.lineItems.isEmpty {
            lines = [max(0, order.subtotalMinor)]
        } else {
            let totals = order.lineItems.map { max(0, $0.totalMinor) }
            let discounts = EarningArithmetic.allocate(max(0, order.discountMinor), over: totals)
            lines = zip(totals, discounts).map { max(0, $0 - $1) }
        }
        var shipping = max(0, order.shippingMinor)
        var tax: Int64 = 0
        if order.taxesIncluded {
            if !includeTax {
                let taxShares = EarningArithmetic.allocate(max(0, order.taxMinor), over: lines + [shipping])
                for index in lines.indices { lines[index] = max(0, lines[index] - taxShares[index]) }
                shipping = max(0, shipping - taxShares[lines.count])
            }
        } else if includeTax {
            tax = max(0, order.taxMinor)
        }
        return (lines, (includeShipping ? shipping : 0) + tax)
    }

    /// The SKU multiplier of `line`, else its category multiplier, with the rule's name; `nil` at 1×.
    func multiplier(for line: LineItem) -> (String, Multiplier)? {
        if let sku = line.sku, let multiplier = skuMultipliers[sku], multiplier.percent > 100 {
            return ("sku:\(sku)", multiplier)
        }
        if let category = line.category, let multiplier = categoryMultipliers[category], multiplier.percent > 100 {
            return ("category:\(category)", multiplier)
        }
        return nil
    }

    /// Whether `boost` applies to an order placed at `instant`, local date `localDate`.
    func applies(_ boost: EarningBoost, at instant: Date, localDate: CivilDate, context: EarningContext) -> Bool {
        switch boost.window {
        case .dates(let start, let end):
            return start <= instant && instant < end
        case .weekend:
            return CivilDate.weekday(daysSinceEpoch: localDate.daysSinceEpoch) >= 5
        case .birthdayMonth:
            return context.birthday?.month == localDate.month
        }
    }
}
