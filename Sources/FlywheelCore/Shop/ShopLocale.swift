/// The languages Flywheel speaks to owners and customers. Both are first-class.
public enum ShopLocale: String, Sendable, CaseIterable, Hashable {
    case de
    case en

    /// Reads `de`, `en`, `de-DE`, `en_US`, `DE` …; `nil` for anything else.
    public init?(tag: String) {
        let language = tag.lowercased().prefix { $0 != "-" && $0 != "_" }
        guard let locale = ShopLocale(rawValue: String(language)) else { return nil }
        self = locale
    }
}
