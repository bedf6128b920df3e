public import FlywheelCore
public import Foundation

/// The issued discount codes of a programme and their lifecycle: redeeming a reward takes its points from the
/// ledger (exactly once per redemption key) and issues a unique code; the code is then used or expires; a
/// full refund of the order that used it hands the points back. A pure value: the caller passes the ledger,
/// the time and the random-number generator.
public struct RewardBook: Sendable {
    /// Every code ever issued, in issue order.
    public private(set) var codes: [DiscountCode] = []
    private var indexByCode: [String: Int] = [:]
    private var indexByRedemption: [String: Int] = [:]
    private var indicesByCustomer: [String: [Int]] = [:]
    private var indicesByOrder: [String: [Int]] = [:]

    /// An empty book.
    public init() {}

    /// The code with text `code`.
    public func code(_ code: String) -> DiscountCode? { indexByCode[code].map { codes[$0] } }

    /// The codes `customer` redeemed, oldest first.
    public func codes(of customer: String) -> [DiscountCode] {
        indicesByCustomer[customer, default: []].map { codes[$0] }
    }

    /// Redeems `reward` for `customer` under `key` at `at`: checks the reward's limits (periods in `calendar`'s
    /// zone), draws a code not yet issued from the reward's pattern with `generator`, then takes the points
    /// from `ledger` (a `redemption` source keyed by `key`). Redeeming the same key again returns the code
    /// issued the first time and takes nothing.
    public mutating func redeem(
        _ reward: Reward, customer: String, key: String, at: Date, calendar: ShopCalendar, ledger: inout PointsLedger,
        generator: inout some RandomNumberGenerator
    ) -> Result<DiscountCode, RedemptionError> {
        if let index = indexByRedemption[key] { return .success(codes[index]) }
        for limit in reward.limits {
            let interval = limit.period.interval(containing: at, in: calendar)
            let used = indicesByCustomer[customer, default: []].count { index in
                codes[index].rewardID == reward.id && (interval?.contains(codes[index].issuedAt) ?? true)
            }
            if used >= limit.count { return .failure(.limitReached(rewardID: reward.id, limit: limit)) }
        }
        guard let text = freshCode(CodePattern(reward.codePattern), generator: &generator) else {
            return .failure(.codesExhausted(pattern: reward.codePattern))
        }
        let outcome = ledger.redeem(
            customer: customer, points: reward.costPoints, source: SourceEvent(.redemption, key: key),
            reason: "redeemed \(reward.name)", at: at)
        if let error = outcome.error { return .failure(.ledger(error)) }
        return .success(store(text, reward: reward, customer: customer, key: key, points: reward.costPoints, at: at))
    }

    /// Gives `reward` to `customer` as a gift (a tier's birthday reward): a code like a redemption's, keyed by
    /// `key` (the same key returns the same code), but no points are taken and the limits do not apply.
    public mutating func grant(
        _ reward: Reward, customer: String, key: String, at: Date, generator: inout some RandomNumberGenerator
    ) -> Result<DiscountCode, RedemptionError> {
        if let index = indexByRedemption[key] { return .success(codes[index]) }
        guard let text = freshCode(CodePattern(reward.codePattern), generator: &generator) else {
            return .failure(.codesExhausted(pattern: reward.codePattern))
        }
        return .success(store(text, reward: reward, customer: customer, key: key, points: 0, at: at))
    }

    private mutating func store(
        _ text: String, reward: Reward, customer: String, key: String, points: Int64, at: Date
    ) -> DiscountCode {
        let code = DiscountCode(
            code: text, rewardID: reward.id, customer: customer, redemptionKey: key, points: points, issuedAt: at,
            expiresAt: reward.validDays.map { at.addingTimeInterval(Double($0) * 86_400) }, status: .issued)
        let index = codes.count
        codes.append(code)
        indexByCode[text] = index
        indexByRedemption[key] = index
        indicesByCustomer[customer, default: []].append(index)
        return code
    }

    /// Uses `code` on `customer`'s order `order` of `orderMinor` (checked against the reward's minimum order
    /// value). Using it again on the same order succeeds without change; an expired code is marked expired.
    public mutating func use(
        code text: String, customer: String, order: String, orderMinor: Int64, reward: Reward?, at: Date
    ) -> Result<DiscountCode, RedemptionError> {
        guard let index = indexByCode[text] else { return .failure(.unknownCode(text)) }
        let code = codes[index]
        guard code.customer == customer else { return .failure(.notTheCustomersCode(text)) }
        switch code.status {
        case .used(let usedOn, _) where usedOn == order: return .success(code)
        case .used, .expired: return .failure(.notUsable(code: text, status: code.status))
        case .issued: break
        }
        if let expiresAt = code.expiresAt, expiresAt <= at {
            codes[index].status = .expired(at: expiresAt)
            return .failure(.notUsable(code: text, status: codes[index].status))
        }
        if let minimum = reward?.minimumOrderMinor, orderMinor < minimum {
            return .failure(.belowMinimum(code: text, minimumMinor: minimum, orderMinor: orderMinor))
        }
        codes[index].status = .used(order: order, at: at)
        indicesByOrder[order, default: []].append(index)
        return .success(codes[index])
    }

    /// Marks every issued code whose expiry is at or before `at` as expired and returns them.
    public mutating func expireCodes(at: Date) -> [DiscountCode] {
        var expired: [DiscountCode] = []
        for index in codes.indices {
            guard case .issued = codes[index].status, let expiresAt = codes[index].expiresAt, expiresAt <= at else {
                continue
            }
            codes[index].status = .expired(at: expiresAt)
            expired.append(codes[index])
        }
        return expired
    }

    /// Hands back the points of the codes used on `order` when it was refunded in full (a new lot for the
    /// customer, source `handBack` keyed by the redemption key, so it happens once). A partial refund
    /// (`fully == false`) hands nothing back, nor do granted codes (no points). The codes stay `used`.
    public mutating func orderRefunded(
        order: String, fully: Bool, at: Date, ledger: inout PointsLedger, expiresAt: Date? = nil
    ) -> [LedgerOutcome] {
        guard fully else { return [] }
        return indicesByOrder[order, default: []].filter { codes[$0].points > 0 }.map { index in
            let code = codes[index]
            return ledger.handBack(
                customer: code.customer, points: code.points, redemption: code.redemption,
                source: SourceEvent(.handBack, key: code.redemptionKey),
                reason: "order \(order) refunded in full: points for \(code.code) handed back", at: at,
                expiresAt: expiresAt)
        }
    }

    /// A code from `pattern` not yet issued; `nil` after 64 draws that all collided (the pattern is nearly
    /// full).
    private func freshCode(_ pattern: CodePattern, generator: inout some RandomNumberGenerator) -> String? {
        for _ in 0..<64 {
            let candidate = pattern.generate(using: &generator)
            if indexByCode[candidate] == nil { return candidate }
        }
        return nil
    }
}
