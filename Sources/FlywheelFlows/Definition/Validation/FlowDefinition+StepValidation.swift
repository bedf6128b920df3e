import FlywheelCore
import Foundation

extension FlowDefinition {
    func checkStep(
        _ step: FlowStep, label: String, ids: [String: Int], eventKinds: [TriggerKind], catalogue: TemplateCatalogue?,
        into found: inout ProblemList
    ) {
        func reference(_ target: String?, _ key: String) {
            guard let target else { return }
            if ids[target] == nil { found.add(label, key, "unknown step \"\(target)\"") }
        }
        reference(step.next, "next")
        switch step.kind {
        case .wait(let spec):
            checkWait(spec, label: label, eventKinds: eventKinds, into: &found)
            if case .untilEvent(let wait) = spec { reference(wait.onTimeout, "wait.until_event.on_timeout") }
        case .condition(let condition, let then, let otherwise):
            checkCondition(condition, key: "condition", step: label, eventKinds: eventKinds, into: &found)
            reference(then, "then")
            reference(otherwise, "else")
            if then == nil && otherwise == nil { found.add(label, "then", "a condition needs then or else") }
        case .split(let variants):
            if variants.count < 2 { found.add(label, "split", "needs at least two variants") }
            var names: Set<String> = []
            for (index, variant) in variants.enumerated() {
                let key = "split[\(index)]"
                if !FlowDefinition.isIdentifier(variant.variant) {
                    found.add(label, "\(key).variant", "must be 1–64 characters of a–z, 0–9 and _")
                }
                if !names.insert(variant.variant).inserted { found.add(label, "\(key).variant", "duplicate variant") }
                if variant.weight < 1 { found.add(label, "\(key).weight", "must be positive") }
                reference(variant.next, "\(key).next")
            }
        case .send(let spec):
            checkMessage(spec, label: label, catalogue: catalogue, into: &found)
        case .givePoints(let spec):
            if spec.points < 1 { found.add(label, "give_points.points", "must be positive") }
            if spec.reason.isEmpty { found.add(label, "give_points.reason", "must not be empty") }
        case .issueCoupon(let spec):
            checkCoupon(spec, label: label, into: &found)
        case .tagCustomer(let tag):
            if tag.trimmingCharacters(in: .whitespaces).isEmpty {
                found.add(label, "tag_customer.tag", "must not be empty")
            }
        case .openTicket(let spec):
            if spec.topic.isEmpty { found.add(label, "open_ticket.topic", "must not be empty") }
        case .callWebhook(let spec):
            if !(spec.url.hasPrefix("https://") || spec.url.hasPrefix("http://")) || spec.url.count < 10 {
                found.add(label, "call_webhook.url", "must be an http(s) URL")
            }
            if spec.event.isEmpty { found.add(label, "call_webhook.event", "must not be empty") }
        }
    }

    private func checkWait(_ spec: WaitSpec, label: String, eventKinds: [TriggerKind], into found: inout ProblemList) {
        switch spec {
        case .duration(let duration):
            if duration.seconds <= 0 { found.add(label, "wait.for", "must be positive") }
        case .untilTime: break
        case .untilEvent(let wait):
            if wait.timeout.seconds <= 0 { found.add(label, "wait.until_event.timeout", "must be positive") }
            for (index, filter) in wait.filters.enumerated() {
                checkCondition(
                    filter, key: "wait.until_event.filters[\(index)]", step: label, eventKinds: [wait.event],
                    into: &found)
            }
        case .untilDate(let wait):
            if abs(wait.offset.seconds) > 400 * 86_400 {
                found.add(label, "wait.until_date.offset", "must be within 400 days")
            }
        }
    }

    private func checkMessage(
        _ spec: MessageSpec, label: String, catalogue: TemplateCatalogue?, into found: inout ProblemList
    ) {
        let key = spec.channel == .email ? "send_email" : "send_sms"
        if spec.template.isEmpty { found.add(label, "\(key).template", "must not be empty") }
        let effectiveClass = spec.messageClass ?? messageClass
        if spec.asksForFeedback && effectiveClass != .marketing {
            found.add(
                label, "\(key).message_class",
                "a review or satisfaction request is advertising (BGH VI ZR 225/17); it must be marketing")
        }
        if spec.messageClass == .transactional && messageClass != .transactional {
            found.add(label, "\(key).message_class", "a transactional message needs a transactional flow")
        }
        if spec.channel == .email {
            for code in spec.subject.keys.sorted() where ShopLocale(rawValue: code) == nil {
                found.add(label, "\(key).subject.\(code)", "unknown locale; use de or en")
            }
            for locale in locales {
                let subject = spec.subject[locale.rawValue] ?? ""
                if subject.trimmingCharacters(in: .whitespaces).isEmpty {
                    found.add(
                        label, "\(key).subject.\(locale.rawValue)", "missing subject for locale \(locale.rawValue)")
                }
            }
        }
        if let catalogue, !spec.template.isEmpty {
            for locale in locales where !catalogue.contains(spec.template, channel: spec.channel, locale: locale) {
                found.add(
                    label, "\(key).template",
                    "template \"\(spec.template)\" has no \(spec.channel.rawValue) version for locale \(locale.rawValue)"
                )
            }
        }
    }

    private func checkCoupon(_ spec: CouponSpec, label: String, into found: inout ProblemList) {
        switch (spec.percentOff, spec.amountOffMinor) {
        case (nil, nil), (_?, _?):
            found.add(label, "issue_coupon", "needs exactly one of percent_off and amount_off_minor")
        case (let percent?, nil):
            if !(1...100).contains(percent) { found.add(label, "issue_coupon.percent_off", "must be 1…100") }
        case (nil, let amount?):
            if amount < 1 { found.add(label, "issue_coupon.amount_off_minor", "must be positive") }
            if CurrencyCode(spec.currency ?? "") == nil {
                found.add(label, "issue_coupon.currency", "an ISO 4217 code is needed with amount_off_minor")
            }
        }
        if spec.validFor.seconds <= 0 { found.add(label, "issue_coupon.valid_for", "must be positive") }
    }
}
