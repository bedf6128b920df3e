import FlywheelCore

extension SimulationModel {
    /// The stream of a customer's profile and orders; the CSV and the batches both replay it.
    static let historyStream: UInt64 = 0

    /// Generates customer `index`'s profile and orders into `history` (from its own random stream).
    func generateHistory(index: Int, into history: inout CustomerHistory) {
        var random = RandomSource(seed: config.seed, index: UInt64(index), stream: SimulationModel.historyStream)
        history.reset(index: index)

        // Arrival: stratified over the arrival weights, so customers stay in acquisition order.
        let fraction = (Double(index) + random.uniform()) / Double(max(config.customers, 1))
        let arrival = calendar.arrival(fraction: fraction)
        let acquiredAt = min(arrival.utc, endUTC)
        let boost = calendar.boost[arrival.dayOffset]
        let fromSale = boost > 1 && random.chance(1 - 1 / boost)
        history.segment = fromSale ? .saleAcquired : .regular
        history.channel = SalesChannel(rawValue: random.pick(cumulative: fromSale ? saleChannels : regularChannels))!
        drawPerson(&history, acquiredAt: acquiredAt, random: &random)

        let parameters = truth.parameters(for: history.segment)
        history.purchaseRate = random.gamma(shape: parameters.purchase.r, rate: parameters.purchase.alpha)
        history.dropout = random.beta(parameters.purchase.a, parameters.purchase.b)
        history.spendRate = random.gamma(shape: parameters.spend.q, rate: parameters.spend.gamma)
        drawAffinity(&history, random: &random)

        var code: Int8 = -1
        if fromSale {
            code = saleCodeIndex[Int(calendar.saleIndex[arrival.dayOffset])]
        } else if history.channel == .newsletter {
            code = 0
        } else if history.channel == .referral {
            code = 1
        } else if random.chance(DiscountCode.welcomeShareOfOthers) {
            code = 0
        }
        appendOrder(
            &history, placedAt: acquiredAt, channel: history.channel, code: code, cancelledBefore: nil,
            random: &random)

        // Repeat purchases: BG/NBD in continuous time (weeks); each purchase is placed on its local day at
        // a time of day drawn from the hour profile.
        let horizonWeeks = Double(endUTC - acquiredAt) / 604_800
        var t = 0.0
        var last = acquiredAt
        while true {
            t += random.exponential(rate: history.purchaseRate)
            if t >= horizonWeeks { break }
            let day = clock.localDay(utc: acquiredAt + Int64(t * 604_800))
            let hour = random.pick(cumulative: calendar.hourCumulative)
            let local = Int64(day) * 86_400 + Int64(hour) * 3_600 + Int64(random.below(3_600))
            var placedAt = clock.utc(local: local)
            if placedAt <= last { placedAt = last + 60 + Int64(random.below(540)) }
            if placedAt > endUTC { break }
            var channel = SalesChannel(rawValue: random.pick(cumulative: repeatChannels))!
            if channel == .newsletter && history.emailConsent != .granted { channel = .organic }
            var cancelledBefore: Int64?
            if random.chance(truth.cancelledDuplicateProbability) {
                let gap = Int64(300 + random.below(3_300))
                if placedAt - gap > last { cancelledBefore = gap }
            }
            appendOrder(
                &history, placedAt: placedAt, channel: channel, code: -1, cancelledBefore: cancelledBefore,
                random: &random)
            last = placedAt
            history.repeatPurchases += 1
            if random.chance(history.dropout) {
                history.isAlive = false
                break
            }
        }
    }

    /// Locale, name, birthday and consent.
    private func drawPerson(_ history: inout CustomerHistory, acquiredAt: Int64, random: inout RandomSource) {
        history.german = random.chance(truth.germanShare)
        history.firstName = random.below(PersonNames.germanFirst.count)
        history.lastName = random.below(PersonNames.germanLast.count)
        if random.chance(0.45) {
            let age = random.integer(in: 18...75)
            let acquiredDay = clock.localDay(utc: acquiredAt)
            history.birthday = acquiredDay - age * 365 - age / 4 - random.below(365)
        }
        history.consentChangedAt = acquiredAt
        if history.channel == .newsletter {
            history.emailConsent = .granted
        } else {
            let u = random.uniform()
            history.emailConsent = u < 0.50 ? .granted : u < 0.58 ? .pending : u < 0.62 ? .revoked : .unknown
        }
        if history.emailConsent == .revoked {
            history.consentChangedAt = acquiredAt + Int64(random.uniform() * Double(endUTC - acquiredAt))
        }
        let s = random.uniform()
        history.smsConsent = s < 0.12 ? .granted : s < 0.15 ? .revoked : .unknown
    }

    /// A favourite and a second category: the customer's category weights are the population's, times 4
    /// for the favourite and times 2 for the second (both for one category if they coincide).
    private func drawAffinity(_ history: inout CustomerHistory, random: inout RandomSource) {
        let favourite = random.pick(cumulative: categoryCumulative)
        let second = random.pick(cumulative: categoryCumulative)
        var sum = 0.0
        for category in 0..<categoryWeights.count {
            var weight = categoryWeights[category]
            if category == favourite { weight *= 4 }
            if category == second { weight *= 2 }
            sum += weight
            history.categoryCumulative[category] = sum
        }
    }

    /// Draws the order's value and basket, applies its discount, and appends it (after its cancelled
    /// duplicate, placed `cancelledBefore` seconds earlier, if any).
    private func appendOrder(
        _ history: inout CustomerHistory, placedAt: Int64, channel: SalesChannel, code: Int8, cancelledBefore: Int64?,
        random: inout RandomSource
    ) {
        let parameters = truth.parameters(for: history.segment).spend
        let euros = random.gamma(shape: parameters.p, rate: history.spendRate)
        let value = max(Int64((euros * 100).rounded()), 100)
        let day = Int32(clock.localDay(utc: placedAt))
        let lineStart = history.lines.count
        buildBasket(&history, value: value, day: day, random: &random)
        let lineCount = history.lines.count - lineStart
        var discount: Int64 = 0
        if code >= 0 {
            discount = (value * Int64(codes[Int(code)].percentOff) + 50) / 100
            var weights = Quad()
            for i in 0..<lineCount { weights[i] = history.lines[lineStart + i].total }
            let shares = Quad.split(discount, weights: weights, count: lineCount, total: value)
            for i in 0..<lineCount { history.lines[lineStart + i].discount = shares[i] }
        }
        for i in lineStart..<history.lines.count {
            let product = Int(history.lines[i].product)
            history.boughtMask |= 1 << UInt64(product)
            history.lastBoughtDay[product] = day
        }
        var order = OrderRecord(
            number: Int32(history.orders.count + 1), placedAt: placedAt, cancelledAt: -1, channel: channel,
            discountCode: code, lineStart: Int32(lineStart), lineCount: Int32(lineCount), linesTotal: value,
            discount: discount)
        if let gap = cancelledBefore {
            var cancelled = order
            cancelled.placedAt = placedAt - gap
            cancelled.cancelledAt = cancelled.placedAt + 60 + Int64(random.below(Int(gap) - 120))
            history.orders.append(cancelled)
            order.number += 1
        }
        history.orders.append(order)
    }
}
