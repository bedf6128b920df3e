/// A value for a template: text, a number, a flag, a list or an object. Money and dates arrive formatted
/// for the message's locale (the caller formats; templates only place).
public enum TemplateValue: Sendable, Hashable {
    /// Text (escaped in HTML parts).
    case string(String)
    /// A whole number.
    case integer(Int)
    /// A flag: a section `{{#flag}}…{{/flag}}` shows when true.
    case bool(Bool)
    /// A list: a section repeats for each element; empty hides it.
    case list([TemplateValue])
    /// Named fields, reached as `{{object.field}}`.
    case object([String: TemplateValue])

    /// The value as Mustache reads it: dictionaries, arrays, strings, numbers, booleans.
    var mustacheValue: Any {
        switch self {
        case .string(let value): value
        case .integer(let value): value
        case .bool(let value): value
        case .list(let values): values.map(\.mustacheValue)
        case .object(let fields): fields.mapValues(\.mustacheValue)
        }
    }

    /// The field of an object, or nil.
    public subscript(key: String) -> TemplateValue? {
        guard case .object(let fields) = self else { return nil }
        return fields[key]
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .integer(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
