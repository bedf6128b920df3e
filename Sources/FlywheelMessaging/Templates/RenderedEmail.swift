/// An e-mail rendered from a template: subject, plain text and (optionally) HTML, in the locale found.
public struct RenderedEmail: Sendable, Hashable {
    /// The subject, one line.
    public var subject: String
    /// The plain-text body.
    public var text: String
    /// The HTML body, when the template has one.
    public var html: String?
    /// The locale whose files were used (after fallback).
    public var locale: String
}
