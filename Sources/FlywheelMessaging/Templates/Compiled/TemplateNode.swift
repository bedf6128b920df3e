/// One token of a parsed template, as swift-mustache's parser produces it for the subset `TemplateParser`
/// reads (docs/messaging.md, "Rendering fast"): the tree `CompiledTemplate` is linked from.
indirect enum TemplateNode: Sendable {
    /// Literal UTF-8 bytes.
    case text([UInt8])
    /// `{{name}}` (escaped in HTML) or `{{{name}}}`/`{{&name}}` (never escaped); transforms in source order.
    case variable(name: String, transforms: [String], escaped: Bool)
    /// `{{#name}}…{{/name}}` or, inverted, `{{^name}}…{{/name}}`.
    case section(name: String, transforms: [String], body: [TemplateNode], inverted: Bool)
    /// `{{$name}}…{{/name}}` directly inside `{{<partial}}`: the block it overrides.
    case blockDefinition(name: String, body: [TemplateNode])
    /// `{{$name}}default{{/name}}` elsewhere: replaced by an inherited block of that name, else its default.
    case blockExpansion(name: String, body: [TemplateNode], indentation: String)
    /// `{{>name}}` (`overrides` nil) or `{{<name}}…{{/name}}` (the blocks it overrides).
    case partial(name: String, indentation: String?, overrides: [String: [TemplateNode]]?)
    /// `{{% CONTENT_TYPE: name}}`: the escaping of the tokens after it.
    case contentType(String)
}
