/// The words a programme shows customers in one language.
public struct BrandTexts: Hashable, Sendable, Codable {
    /// The programme's name in this language, e.g. `Der Innere Kreis`.
    public var programmeName: String
    /// What points are called, e.g. `Sterne` / `stars`.
    public var pointsName: String
    /// A short line under the name; optional.
    public var tagline: String?

    /// Texts with a name, a word for points and an optional tagline.
    public init(programmeName: String, pointsName: String, tagline: String? = nil) {
        self.programmeName = programmeName
        self.pointsName = pointsName
        self.tagline = tagline
    }

    enum CodingKeys: String, CodingKey {
        case programmeName = "programme_name"
        case pointsName = "points_name"
        case tagline
    }
}
