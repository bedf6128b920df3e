import FlywheelCore
import Foundation

extension SimulationModel {
    /// Probability that a parcel is lost (never delivered; refunded a week after its promise).
    static let lostParcelProbability = 0.002
    /// Probability of a return request for a delivered order, and the extra for a late one.
    static let returnProbability = 0.022
    static let returnProbabilityIfLate = 0.04
    /// Probability that a return is rejected.
    static let returnRejectionProbability = 0.08
    /// Probability of a goodwill partial refund (make-it-right), for on-time and late orders.
    static let goodwillProbability = 0.006
    static let goodwillProbabilityIfLate = 0.04

    /// Ships an order (one parcel per supplier), and adds its shipments, return and refunds to `batch`.
    func fulfil(
        _ order: OrderRecord, of history: CustomerHistory, orderID: String, random: inout RandomSource,
        into batch: inout IngestBatch
    ) -> OrderOutcome {
        var outcome = OrderOutcome()
        let placedDay = clock.localDay(utc: order.placedAt)
        let lines = Int(order.lineStart)..<Int(order.lineStart + order.lineCount)
        let total = order.subtotal + shipping(subtotal: order.subtotal)
        var suppliers: [Int] = []
        for line in history.lines[lines] {
            let supplier = catalogue.items[Int(line.product)].supplier
            if !suppliers.contains(supplier) { suppliers.append(supplier) }
        }
        var allDelivered = true
        var lastDelivery: Int64 = 0
        var lostValue: Int64 = 0
        var lostPromise: Int64 = 0
        var lostParcels = 0
        for (number, supplierIndex) in suppliers.enumerated() {
            let supplier = Supplier.all[supplierIndex]
            let carrier = Carrier.all[random.pick(cumulative: Carrier.cumulativeShares)]
            let promisedBy = clock.utc(local: Int64(placedDay + supplier.promiseDays + 1) * 86_400) - 1
            let handling = random.logNormal(median: supplier.handlingMedianDays, sigma: supplier.handlingSigma)
            var shippedAt = order.placedAt + Int64(handling * 86_400)
            shippedAt = nextWorkingTime(shippedAt, random: &random)
            // The domain wants promisedBy ≥ shippedAt: a parcel overdue at the supplier leaves on the last day.
            if shippedAt > promisedBy { shippedAt = promisedBy - 3_600 - Int64(random.below(5 * 3_600)) }
            let transit = random.logNormal(median: carrier.transitMedianDays, sigma: carrier.transitSigma)
            var deliveredAt = shippedAt + Int64(transit * 86_400)
            if CivilDate.weekday(daysSinceEpoch: clock.localDay(utc: deliveredAt)) == 6 { deliveredAt += 86_400 }
            let lost = random.chance(SimulationModel.lostParcelProbability)
            let tracking = carrier.trackingNumber(&random)
            let shipped = shippedAt <= endUTC
            let delivered = shipped && !lost && deliveredAt <= endUTC
            if lost && shipped {
                lostParcels += 1
                lostPromise = max(lostPromise, promisedBy)
                for line in history.lines[lines] where catalogue.items[Int(line.product)].supplier == supplierIndex {
                    lostValue += line.total - line.discount
                }
            }
            if delivered {
                lastDelivery = max(lastDelivery, deliveredAt)
                if deliveredAt > promisedBy { outcome.late = true }
            } else {
                allDelivered = false
                if endUTC > promisedBy { outcome.late = true }
            }
            batch.shipments.append(
                Shipment(
                    externalID: orderID + "-S" + String(number + 1), orderExternalID: orderID,
                    supplier: supplier.name, carrier: shipped ? carrier.name : nil,
                    trackingNumber: shipped ? tracking : nil, shippedAt: shipped ? date(shippedAt) : nil,
                    promisedBy: date(promisedBy), deliveredAt: delivered ? date(deliveredAt) : nil))
        }
        if allDelivered { outcome.deliveredAt = lastDelivery }

        if lostParcels > 0 {
            outcome.problem = true
            let amount = lostParcels == suppliers.count ? total : lostValue
            addRefund(
                amount, at: lostPromise + 7 * 86_400, reason: "lost_parcel", id: orderID + "-R1", orderID: orderID,
                total: total, outcome: &outcome, into: &batch)
        }
        if outcome.isDelivered {
            let probability =
                SimulationModel.returnProbability + (outcome.late ? SimulationModel.returnProbabilityIfLate : 0)
            if random.chance(probability) {
                returnLine(
                    order, of: history, orderID: orderID, total: total, outcome: &outcome, random: &random,
                    into: &batch)
            }
        }
        let goodwill = outcome.late ? SimulationModel.goodwillProbabilityIfLate : SimulationModel.goodwillProbability
        if random.chance(goodwill) {
            let percent = Int64(10 + random.below(11))
            let base = outcome.isDelivered ? outcome.deliveredAt : order.placedAt + 10 * 86_400
            addRefund(
                max(total * percent / 100, 100), at: base + Int64(86_400 + random.below(2 * 86_400)),
                reason: outcome.late ? "goodwill_late_delivery" : "goodwill", id: orderID + "-R3", orderID: orderID,
                total: total, outcome: &outcome, into: &batch)
        }
        return outcome
    }

    /// A return request for one line of a delivered order, and its refund once the goods are back.
    private func returnLine(
        _ order: OrderRecord, of history: CustomerHistory, orderID: String, total: Int64, outcome: inout OrderOutcome,
        random: inout RandomSource, into batch: inout IngestBatch
    ) {
        let line = history.lines[Int(order.lineStart) + random.below(Int(order.lineCount))]
        let item = catalogue.items[Int(line.product)]
        var cumulative: [Double] = []
        var sum = 0.0
        for weight in ReturnReason.weights(category: item.category, late: outcome.late) {
            sum += weight
            cumulative.append(sum)
        }
        let reason = ReturnReason(rawValue: random.pick(cumulative: cumulative))!
        let quantity = line.quantity == 1 ? 1 : 1 + random.below(Int(line.quantity))
        let requestedAt = outcome.deliveredAt + Int64(86_400 + random.below(13 * 86_400))
        let approvedAt = requestedAt + Int64(3_600 + random.below(2 * 86_400))
        let receivedAt = approvedAt + Int64(3 * 86_400 + random.below(4 * 86_400))
        let refundedAt = receivedAt + Int64(3_600 + random.below(2 * 86_400))
        let rejected = random.chance(SimulationModel.returnRejectionProbability)
        guard requestedAt <= endUTC else { return }
        if reason.isShopFault { outcome.problem = true }
        let status: ReturnStatus
        if approvedAt > endUTC {
            status = .requested
        } else if rejected {
            status = .rejected
        } else if receivedAt > endUTC {
            status = .approved
        } else if refundedAt > endUTC {
            status = .received
        } else {
            status = .refunded
        }
        batch.returns.append(
            ReturnRequest(
                externalID: orderID + "-X1", orderExternalID: orderID, requestedAt: date(requestedAt),
                reason: reason.code, status: status, quantity: quantity, sku: item.sku))
        guard status == .refunded else { return }
        var amount = (line.total - line.discount) * Int64(quantity) / Int64(line.quantity)
        let wholeOrder = order.lineCount == 1 && quantity == Int(line.quantity)
        if wholeOrder && reason.isShopFault { amount = total }
        addRefund(
            amount, at: refundedAt, reason: "return_" + reason.code, id: orderID + "-R2", orderID: orderID,
            total: total,
            outcome: &outcome, into: &batch)
    }

    /// Adds a refund, capped so that the order's refunds never exceed its total; none after the end.
    private func addRefund(
        _ amount: Int64, at time: Int64, reason: String, id: String, orderID: String, total: Int64,
        outcome: inout OrderOutcome, into batch: inout IngestBatch
    ) {
        let capped = min(amount, total - outcome.refunded)
        guard capped > 0, time <= endUTC else { return }
        outcome.refunded += capped
        batch.refunds.append(
            Refund(
                externalID: id, orderExternalID: orderID, createdAt: date(time), amountMinor: capped, currency: .eur,
                reason: reason))
    }

    /// Moves a hand-over on a weekend to Monday morning (08:00–12:00 local).
    private func nextWorkingTime(_ utc: Int64, random: inout RandomSource) -> Int64 {
        let day = clock.localDay(utc: utc)
        let weekday = CivilDate.weekday(daysSinceEpoch: day)
        guard weekday >= 5 else { return utc }
        let monday = day + (7 - weekday)
        return clock.utc(local: Int64(monday) * 86_400 + 8 * 3_600 + Int64(random.below(4 * 3_600)))
    }

    /// A UTC instant as a `Date`.
    func date(_ utcSeconds: Int64) -> Date { Date(timeIntervalSince1970: TimeInterval(utcSeconds)) }
}
