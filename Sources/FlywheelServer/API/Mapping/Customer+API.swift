import FlywheelCore
import Foundation

extension Customer {
    /// The customer an API body describes, checked by the domain's rules.
    init(api body: Components.Schemas.Customer, now: Date) throws(APIProblem) {
        var birthday: CivilDate?
        if let text = body.birthday {
            guard let date = CivilDate(iso: Substring(text)) else {
                throw .invalid([.init(pointer: "/birthday", detail: "must be a date YYYY-MM-DD")])
            }
            birthday = date
        }
        self.init(
            externalID: body.id, email: body.email, firstName: body.firstName, lastName: body.lastName,
            birthday: birthday, locale: body.locale.flatMap { ShopLocale(tag: $0.rawValue) },
            consent: body.consent.map(MarketingConsent.init(api:)), createdAt: body.createdAt)
        do { try validate(now: now) } catch { throw FieldPointer.problem(error, ownID: "customer_id") }
    }

    /// The customer as the API shows it.
    var api: Components.Schemas.Customer {
        Components.Schemas.Customer(
            id: externalID, email: email, firstName: firstName, lastName: lastName, birthday: birthday?.description,
            locale: locale.flatMap { .init(rawValue: $0.rawValue) }, consent: consent?.api, createdAt: createdAt)
    }
}

extension MarketingConsent {
    init(api: Components.Schemas.Consent) {
        self.init(email: ConsentState(api: api.email), sms: ConsentState(api: api.sms), updatedAt: api.updatedAt)
    }

    var api: Components.Schemas.Consent {
        .init(email: email.api, sms: sms.api, updatedAt: updatedAt)
    }
}

extension ConsentState {
    init(api: Components.Schemas.ConsentState) {
        self = ConsentState(rawValue: api.rawValue) ?? .unknown
    }

    var api: Components.Schemas.ConsentState { .init(rawValue: rawValue) ?? .unknown }
}
