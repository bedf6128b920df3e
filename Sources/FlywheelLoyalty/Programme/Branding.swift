/// How the programme looks: colours, logo and texts in German and English.
public struct Branding: Hashable, Sendable, Codable {
    /// The main colour, `#RRGGBB`.
    public var primaryColor: String
    /// The accent colour, `#RRGGBB`.
    public var accentColor: String
    /// An `https` (or `http`) address of the logo; optional.
    public var logoURL: String?
    /// Texts by language tag; both `de` and `en` are required.
    public var texts: [String: BrandTexts]

    /// A look with two colours, an optional logo and texts per language.
    public init(primaryColor: String, accentColor: String, logoURL: String? = nil, texts: [String: BrandTexts]) {
        self.primaryColor = primaryColor
        self.accentColor = accentColor
        self.logoURL = logoURL
        self.texts = texts
    }

    enum CodingKeys: String, CodingKey {
        case primaryColor = "primary_color"
        case accentColor = "accent_color"
        case logoURL = "logo_url"
        case texts
    }
}
