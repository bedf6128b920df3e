public import FlywheelFlows

/// One message of a flow preview: which step, channel, class and template it comes from, and what the
/// customer would read.
public struct PreviewMessage: Sendable, Hashable {
    /// The step's index in the flow file's `steps`.
    public var stepIndex: Int
    public var stepID: String
    public var channel: Channel
    public var messageClass: MessageClass
    public var template: String
    /// The locale whose template files were used (after fallback).
    public var locale: String
    /// The flow's subject for the locale (the template's own subject when the flow has none); `nil` for SMS.
    public var subject: String?
    /// The plain-text body, or the SMS text.
    public var text: String
    /// The HTML body, when the template has one (e-mail only).
    public var html: String?

    public init(
        stepIndex: Int, stepID: String, channel: Channel, messageClass: MessageClass, template: String, locale: String,
        subject: String?, text: String, html: String?
    ) {
        self.stepIndex = stepIndex
        self.stepID = stepID
        self.channel = channel
        self.messageClass = messageClass
        self.template = template
        self.locale = locale
        self.subject = subject
        self.text = text
        self.html = html
    }
}
