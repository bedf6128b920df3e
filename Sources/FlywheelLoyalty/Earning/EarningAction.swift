/// Something a customer does, other than ordering, that earns a fixed number of points.
public enum EarningAction: String, Hashable, Sendable, Codable, CaseIterable, CodingKeyRepresentable {
    /// Creating an account.
    case signUp = "sign_up"
    /// The customer's birthday (once a year).
    case birthday
    /// Writing a product review.
    case review
    /// Writing a product review with a photo.
    case reviewWithPhoto = "review_with_photo"
    /// Sharing the shop on a social network.
    case socialShare = "social_share"
    /// Referring a friend who ordered.
    case referral
    /// Answering a survey.
    case surveyAnswer = "survey_answer"
    /// Opting in to the newsletter.
    case newsletterOptIn = "newsletter_opt_in"
}
