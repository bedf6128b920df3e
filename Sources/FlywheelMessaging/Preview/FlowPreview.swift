public import FlywheelCore
public import FlywheelFlows
public import Foundation

/// Renders every message step of a flow for one customer, in the order of the flow file, so a shop sees
/// what each message would say before switching the flow on. Every branch is shown (both sides of a
/// condition, every split variant). Effects of earlier steps in file order are applied to the context as the
/// customer would see them: a coupon becomes the offer (a `PREVIEW` code, valid for the coupon's duration
/// from `now`), points are added to the balance. The footer follows the message's class: transactional
/// messages carry no unsubscribe link, marketing messages the objection notice of the existing-customer
/// exemption (the case that needs it).
public struct FlowPreview: Sendable {
    public var templates: MessageTemplates
    /// The shop's calendar (coupon expiry dates, delivery windows).
    public var calendar: ShopCalendar
    /// The shop's usual delivery time (`--delivery-days`): an order no shipment promised a date for gets the
    /// window a real send restates (`MessageContext`'s rule); `nil` shows none.
    public var deliveryDays: DeliveryDays?

    public init(templates: MessageTemplates, calendar: ShopCalendar, deliveryDays: DeliveryDays? = nil) {
        self.templates = templates
        self.calendar = calendar
        self.deliveryDays = deliveryDays
    }

    /// The locale a customer is written to in a flow: the requested one (which the flow must have), else the
    /// customer's when the flow has it, else the flow's first (as the runner chooses).
    public static func locale(
        for flow: FlowDefinition, requested: ShopLocale?, customer: ShopLocale?
    ) throws(PreviewError) -> ShopLocale {
        if let requested {
            guard flow.locales.contains(requested) else {
                throw PreviewError(
                    "flow \(flow.id) has no locale \(requested.rawValue) (it has "
                        + flow.locales.map(\.rawValue).joined(separator: ", ") + ")")
            }
            return requested
        }
        if let customer, flow.locales.contains(customer) { return customer }
        return flow.locales[0]
    }

    /// The flow's messages rendered with `context` in `locale`.
    /// - Throws: `PreviewError` naming the step and template that cannot be rendered.
    public func messages(
        of flow: FlowDefinition, context: MessageContext, locale: ShopLocale, now: Date
    ) throws(PreviewError) -> [PreviewMessage] {
        let format = MessageFormat(locale)
        var context = context
        var result: [PreviewMessage] = []
        for (index, step) in flow.steps.enumerated() {
            switch step.kind {
            case .issueCoupon(let coupon):
                context.offer = offer(coupon, format: format, now: now)
            case .givePoints(let spec):
                var points = context.points ?? MessageContext.Points()
                points.balance = (points.balance ?? 0) + spec.points
                points.value = nil  // the programme's point value is not known here
                context.points = points
            case .send(let spec):
                let messageClass = spec.messageClass ?? flow.messageClass
                let values = Self.footer(context, for: messageClass).values
                let label = "steps[\(index)] \"\(step.id)\": template \(spec.template)"
                do {
                    switch spec.channel {
                    case .email:
                        let email = try templates.renderEmail(spec.template, locale: locale.rawValue, values: values)
                        let subject = spec.subject[locale.rawValue].flatMap { $0.isEmpty ? nil : $0 } ?? email.subject
                        result.append(
                            PreviewMessage(
                                stepIndex: index, stepID: step.id, channel: .email, messageClass: messageClass,
                                template: spec.template, locale: email.locale, subject: subject, text: email.text,
                                html: email.html))
                    case .sms:
                        let sms = try templates.renderSMS(spec.template, locale: locale.rawValue, values: values)
                        result.append(
                            PreviewMessage(
                                stepIndex: index, stepID: step.id, channel: .sms, messageClass: messageClass,
                                template: spec.template, locale: sms.locale, subject: nil, text: sms.text + "\n",
                                html: nil))
                    }
                } catch {
                    throw PreviewError("\(label): \(error)")
                }
            default:
                continue
            }
        }
        return result
    }

    /// The context with the footer a message of this class carries.
    static func footer(_ context: MessageContext, for messageClass: MessageClass) -> MessageContext {
        var context = context
        switch messageClass {
        case .transactional:
            context.links["unsubscribe"] = nil
            context.links["preferences"] = nil
            context.optOutNotice = false
        case .service:
            context.optOutNotice = false
        case .marketing:
            context.optOutNotice = true
        }
        return context
    }

    private func offer(_ coupon: CouponSpec, format: MessageFormat, now: Date) -> MessageContext.Offer {
        let amount = coupon.amountOffMinor.flatMap { minor in
            CurrencyCode(coupon.currency ?? "").map { Money(minorUnits: minor, currency: $0) }
        }
        let code = (coupon.codePrefix.map { $0 + "-" } ?? "") + "PREVIEW"
        let lastDay = calendar.localDate(of: now.addingTimeInterval(TimeInterval(coupon.validFor.seconds)))
        return MessageContext.Offer(
            percentOff: coupon.percentOff, amountOff: amount, code: code, lastDay: lastDay, locale: format.locale)
    }
}
