import Mustache

/// A `TemplateValue` as swift-mustache reads it, without converting the tree to `[String: Any]` per message:
/// lookups answer from the enum (`MustacheParent`), text renders without `String(describing:)`
/// (`MustacheCustomRenderable`), transforms are those of the value's Swift type (`MustacheTransformable`).
///
/// What Mustache sees is what it saw in the converted tree: a flag is a `Bool` (sections test it), a list a
/// `MustacheList` (a sequence), text, numbers and objects a `MustacheValue`. Text renders as the `String`,
/// a number as `String(describing:)` of the `Int`, lists and objects as the description of their converted form
/// (as before). A lookup in anything but an object finds nothing, as `Mirror` found nothing in a `String`, `Int`
/// or array. Measured: docs/messaging.md, "Rendering fast".
struct MustacheValue: MustacheParent, MustacheCustomRenderable, MustacheTransformable {
    let value: TemplateValue

    init(_ value: TemplateValue) { self.value = value }

    /// The form Mustache gets for a value: `Bool` for a flag, `MustacheList` for a list, else a `MustacheValue`.
    static func child(_ value: TemplateValue) -> Any {
        switch value {
        case .bool(let flag): flag
        case .list(let items): MustacheList(items)
        default: MustacheValue(value)
        }
    }

    func child(named name: String) -> Any? {
        guard case .object(let fields) = value, let field = fields[name] else { return nil }
        return Self.child(field)
    }

    var renderText: String {
        switch value {
        case .string(let text): text
        case .integer(let number): String(describing: number)
        default: String(describing: value.mustacheValue)
        }
    }

    var isNull: Bool { false }

    func transform(_ name: String) -> Any? {
        switch value {
        case .string(let text): text.transform(name)
        case .integer(let number): number.transform(name)
        case .bool, .list: nil  // never a MustacheValue
        case .object:
            (value.mustacheValue as? [String: Any])?.transform(name)
        }
    }
}
