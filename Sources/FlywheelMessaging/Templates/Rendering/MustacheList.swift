import Mustache

/// A `TemplateValue` list as swift-mustache reads it: a sequence of the elements' Mustache forms (see
/// `MustacheValue.child`), walked without converting the list first.
struct MustacheList: MustacheSequence, MustacheParent, MustacheCustomRenderable, MustacheTransformable {
    let items: [TemplateValue]

    init(_ items: [TemplateValue]) { self.items = items }

    struct Iterator: IteratorProtocol {
        var base: IndexingIterator<[TemplateValue]>

        mutating func next() -> Any? { base.next().map(MustacheValue.child) }
    }

    func makeIterator() -> Iterator { Iterator(base: items.makeIterator()) }

    /// Nothing: an array pushed on the context stack (an inverted section over an empty list) has no fields.
    func child(named name: String) -> Any? { nil }

    /// The description of the converted array, as Mustache printed an array.
    var renderText: String { String(describing: items.map(\.mustacheValue)) }

    var isNull: Bool { false }

    /// `first`, `last`, `count` and `empty` answered directly; the rest as the converted array answers them.
    func transform(_ name: String) -> Any? {
        switch name {
        case "first": items.first.map(MustacheValue.child)
        case "last": items.last.map(MustacheValue.child)
        case "count": items.count
        case "empty": items.isEmpty
        default: items.map(\.mustacheValue).transform(name)
        }
    }
}
