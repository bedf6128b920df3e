/// Why a template could not be loaded or rendered; names the template, locale or file.
public struct TemplateError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, naming the file or template.
    public var message: String

    init(_ message: String) { self.message = message }

    public var description: String { message }
}
