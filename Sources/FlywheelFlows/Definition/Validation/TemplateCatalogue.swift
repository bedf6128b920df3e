public import FlywheelCore

/// The templates the messaging side has: which template id exists for which channel and locale. Validation
/// uses it to report a send step whose template is missing in one of the flow's locales.
public struct TemplateCatalogue: Hashable, Sendable {
    /// One template variant.
    public struct Entry: Hashable, Sendable {
        public var template: String
        public var channel: Channel
        public var locale: ShopLocale

        public init(template: String, channel: Channel, locale: ShopLocale) {
            self.template = template
            self.channel = channel
            self.locale = locale
        }
    }

    public private(set) var entries: Set<Entry>

    public init(_ entries: some Sequence<Entry> = []) { self.entries = Set(entries) }

    /// Adds a template id for a channel in the given locales.
    public mutating func add(_ template: String, channel: Channel, locales: [ShopLocale] = ShopLocale.allCases) {
        for locale in locales { entries.insert(Entry(template: template, channel: channel, locale: locale)) }
    }

    public func contains(_ template: String, channel: Channel, locale: ShopLocale) -> Bool {
        entries.contains(Entry(template: template, channel: channel, locale: locale))
    }
}
