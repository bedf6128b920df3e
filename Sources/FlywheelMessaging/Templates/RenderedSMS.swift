/// An SMS rendered from a template.
public struct RenderedSMS: Sendable, Hashable {
    /// The text, trimmed.
    public var text: String
    /// The locale whose file was used (after fallback).
    public var locale: String
}
