import FlywheelCore
import Foundation

// The domain values of an enrolment, each as a tag byte and its fields. Tags are part of the stored format:
// never renumber them; a new case takes a new tag (old builds refuse it as an unknown value).

extension SnapshotWriter {
    mutating func money(_ money: Money) {
        int64(money.minorUnits)
        string(money.currency.code)
    }

    mutating func trigger(_ event: TriggerEvent) {
        switch event {
        case .orderPlaced(let order, let number, let total):
            byte(0); string(order); int(number); money(total)
        case .orderPaid(let order): byte(1); string(order)
        case .orderShipped(let order): byte(2); string(order)
        case .expectedDeliveryReached(let order): byte(3); string(order)
        case .orderDelivered(let order): byte(4); string(order)
        case .shipmentLate(let order, let days): byte(5); string(order); int(days)
        case .orderRefunded(let order, let amount, let full): byte(6); string(order); money(amount); bool(full)
        case .reviewLeft(let review, let rating): byte(7); string(review); int(rating)
        case .surveyAnswered(let answer, let score, let band): byte(8); string(answer); int(score); string(band.rawValue)
        case .lapsed(let reason): byte(9); string(reason.rawValue)
        case .vipReached(let rank): byte(10); int(rank)
        case .tierChanged(let from, let to): byte(11); optionalString(from); string(to)
        case .pointsExpiring(let points, let on): byte(12); int(points); int(on.daysSinceEpoch)
        case .birthday: byte(13)
        case .firstOrderAnniversary(let years): byte(14); int(years)
        case .cartAbandoned(let cart, let value): byte(15); string(cart); money(value)
        case .replenishmentDue(let sku): byte(16); string(sku)
        case .segmentSend(let segment, let campaign): byte(17); string(segment); string(campaign)
        case .messageAnswered(let order, let answer): byte(18); optionalString(order); string(answer)
        }
    }

    mutating func state(_ state: EnrolmentState) {
        switch state {
        case .ready: byte(0)
        case .waiting(let until): byte(1); date(until)
        case .waitingForEvent(let timeout): byte(2); date(timeout)
        case .postponed(let until): byte(3); date(until)
        case .finished(let reason): byte(4); exit(reason)
        }
    }

    mutating func exit(_ reason: ExitReason) {
        switch reason {
        case .completed: byte(0)
        case .goalReached(let goal, let event): byte(1); int(goal); string(event.rawValue)
        case .eventTimeout(let step): byte(2); string(step)
        case .missingDate(let step, let field): byte(3); string(step); string(field.rawValue)
        case .stepLimit: byte(4)
        case .cancelled(let why): byte(5); string(why)
        }
    }

    mutating func skip(_ reason: SkipReason) {
        switch reason {
        case .holdout: byte(0)
        case .noAddress(let channel): byte(1); string(channel.rawValue)
        case .suppressed(let channel, let why): byte(2); string(channel.rawValue); string(why.rawValue)
        case .noConsent(let channel): byte(3); string(channel.rawValue)
        case .orderInTransit: byte(4)
        case .recentlyMessaged(let last): byte(5); date(last)
        case .frequencyCap(let limit): byte(6); int(limit)
        case .quietHours: byte(7)
        case .heldBack(let flow): byte(8); string(flow)
        }
    }

    mutating func record(_ record: EnrolmentRecord) {
        date(record.at)
        int(record.step)
        switch record.outcome {
        case .entered(let holdout): byte(0); bool(holdout)
        case .waiting(let until): byte(1); date(until)
        case .resumed(let kind): byte(2); string(kind.rawValue)
        case .branched(let taken): byte(3); bool(taken)
        case .variant(let name): byte(4); string(name)
        case .sent(let channel, let basis): byte(5); string(channel.rawValue); string(basis.rawValue)
        case .postponed(let until, let reason): byte(6); date(until); skip(reason)
        case .skipped(let reason): byte(7); skip(reason)
        case .performed: byte(8)
        case .exited(let reason): byte(9); exit(reason)
        }
    }
}

extension SnapshotReader {
    mutating func money() throws(EnrolmentSnapshotError) -> Money {
        let minor = try int64()
        guard let currency = CurrencyCode(try string()) else { throw .unknownValue("currency") }
        return Money(minorUnits: minor, currency: currency)
    }

    mutating func trigger() throws(EnrolmentSnapshotError) -> TriggerEvent {
        switch try byte() {
        case 0: return .orderPlaced(orderID: try string(), number: try int(), total: try money())
        case 1: return .orderPaid(orderID: try string())
        case 2: return .orderShipped(orderID: try string())
        case 3: return .expectedDeliveryReached(orderID: try string())
        case 4: return .orderDelivered(orderID: try string())
        case 5: return .shipmentLate(orderID: try string(), daysLate: try int())
        case 6: return .orderRefunded(orderID: try string(), amount: try money(), full: try bool())
        case 7: return .reviewLeft(reviewID: try string(), rating: try int())
        case 8:
            return .surveyAnswered(answerID: try string(), score: try int(), band: try raw(NPSBand.self, "NPS band"))
        case 9: return .lapsed(try raw(LapseReason.self, "lapse reason"))
        case 10: return .vipReached(rankPercent: try int())
        case 11: return .tierChanged(from: try optionalString(), to: try string())
        case 12: return .pointsExpiring(points: try int(), on: CivilDate(daysSinceEpoch: try int()))
        case 13: return .birthday
        case 14: return .firstOrderAnniversary(years: try int())
        case 15: return .cartAbandoned(cartID: try string(), value: try money())
        case 16: return .replenishmentDue(sku: try string())
        case 17: return .segmentSend(segment: try string(), campaign: try string())
        case 18: return .messageAnswered(orderID: try optionalString(), answer: try string())
        default: throw .unknownValue("trigger event")
        }
    }

    mutating func state() throws(EnrolmentSnapshotError) -> EnrolmentState {
        switch try byte() {
        case 0: return .ready
        case 1: return .waiting(until: try date())
        case 2: return .waitingForEvent(timeout: try date())
        case 3: return .postponed(until: try date())
        case 4: return .finished(try exit())
        default: throw .unknownValue("enrolment state")
        }
    }

    mutating func exit() throws(EnrolmentSnapshotError) -> ExitReason {
        switch try byte() {
        case 0: return .completed
        case 1: return .goalReached(goal: try int(), event: try raw(TriggerKind.self, "trigger kind"))
        case 2: return .eventTimeout(stepID: try string())
        case 3: return .missingDate(stepID: try string(), try raw(DateField.self, "date field"))
        case 4: return .stepLimit
        case 5: return .cancelled(try string())
        default: throw .unknownValue("exit reason")
        }
    }

    mutating func skip() throws(EnrolmentSnapshotError) -> SkipReason {
        switch try byte() {
        case 0: return .holdout
        case 1: return .noAddress(try raw(Channel.self, "channel"))
        case 2: return .suppressed(try raw(Channel.self, "channel"), try raw(SuppressionReason.self, "suppression"))
        case 3: return .noConsent(try raw(Channel.self, "channel"))
        case 4: return .orderInTransit
        case 5: return .recentlyMessaged(lastAt: try date())
        case 6: return .frequencyCap(limit: try int())
        case 7: return .quietHours
        case 8: return .heldBack(byFlow: try string())
        default: throw .unknownValue("skip reason")
        }
    }

    mutating func record() throws(EnrolmentSnapshotError) -> EnrolmentRecord {
        let at = try date()
        let step = try int()
        let outcome: EnrolmentRecord.Outcome
        switch try byte() {
        case 0: outcome = .entered(holdout: try bool())
        case 1: outcome = .waiting(until: try date())
        case 2: outcome = .resumed(by: try raw(TriggerKind.self, "trigger kind"))
        case 3: outcome = .branched(taken: try bool())
        case 4: outcome = .variant(try string())
        case 5: outcome = .sent(try raw(Channel.self, "channel"), try raw(ConsentBasis.self, "consent basis"))
        case 6: outcome = .postponed(until: try date(), try skip())
        case 7: outcome = .skipped(try skip())
        case 8: outcome = .performed
        case 9: outcome = .exited(try exit())
        default: throw .unknownValue("history outcome")
        }
        return EnrolmentRecord(at: at, step: step, outcome: outcome)
    }
}
