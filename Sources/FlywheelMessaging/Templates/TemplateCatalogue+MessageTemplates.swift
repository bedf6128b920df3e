import FlywheelCore
public import FlywheelFlows

extension TemplateCatalogue {
    /// The catalogue of what `templates` can really render, for flow validation: a template has an e-mail
    /// version in a locale when that locale's folder has a subject and a text body, and an SMS version when
    /// it has an SMS text. Only exact locales count (`de`, `en`), not the fallback: a flow in German needs
    /// German templates, not English ones it would fall back to.
    public init(_ templates: MessageTemplates) {
        var entries: [Entry] = []
        for template in templates.templateIDs {
            for locale in ShopLocale.allCases {
                let parts = templates.parts(of: template, locale: locale.rawValue)
                if parts.isSuperset(of: [.subject, .text]) {
                    entries.append(Entry(template: template, channel: .email, locale: locale))
                }
                if parts.contains(.sms) { entries.append(Entry(template: template, channel: .sms, locale: locale)) }
            }
        }
        self.init(entries)
    }
}
