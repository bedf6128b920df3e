/// Why `TemplateParser` could not read a template: the text is malformed (at a line and column), or it uses
/// something outside the subset the compiled renderer handles (the template then renders with swift-mustache).
enum TemplateParseFailure: Error, Equatable {
    /// Malformed at `line`/`column` (1-based, the column in characters) for `reason`.
    case malformed(line: Int, column: Int, reason: String)
    /// Valid Mustache perhaps, but outside the compiled subset.
    case unsupported(String)
}
