/// A template compiled once, at load, into a flat plan: literal byte runs (a layout's constant text joined with
/// the part's), variables with their names split, and sections whose bodies follow them. Rendering walks the
/// plan against the `TemplateValue` tree into one growing byte buffer — no name split, dynamic cast, context
/// copy or string per token, which swift-mustache spends per render (docs/messaging.md, "Rendering fast").
///
/// Renders what swift-mustache renders for the same template and values, byte for byte (proven by
/// `CompiledTemplateDifferentialTests`). Where a value takes a path this plan does not cover — a transform
/// other than a list's `first`/`last`/`count`/`empty`, an object or list printed as text, a root that is not
/// an object — `render` answers nil and the caller renders with swift-mustache.
struct CompiledTemplate: Sendable {
    /// How a variable's text is written.
    enum Escaping: Sendable {
        /// As is (`TEXT`, and `{{{name}}}`).
        case none
        /// HTML-escaped (`HTML`, `FLYWHEEL_HTML`).
        case html
    }

    /// Where a name is looked up: its parts, whether only the innermost context is searched (`.name`, `.`),
    /// and the transforms applied to what is found, in the order they apply (innermost call first).
    struct Path: Sendable {
        var names: [String]
        var innermostOnly: Bool
        var transforms: [String]
    }

    /// One step of the plan.
    enum Operation: Sendable {
        /// Literal bytes: `literals[range]`.
        case literal(Range<Int>)
        /// A value written as text.
        case variable(Path, Escaping)
        /// A section (or inverted section) whose body is the operations after it up to `end`.
        case section(Path, inverted: Bool, end: Int)
    }

    /// All literal bytes of the plan.
    let literals: [UInt8]
    /// The plan.
    let operations: [Operation]
    /// The size of the literal text, a first guess at the output's size.
    private let literalSize: Int

    init(literals: [UInt8], operations: [Operation]) {
        self.literals = literals
        self.operations = operations
        self.literalSize = operations.reduce(0) { size, operation in
            if case .literal(let range) = operation { size + range.count } else { size }
        }
    }

    /// The template rendered with `values` as UTF-8 bytes, or nil when the values take a path the plan does not
    /// cover (the caller then renders with swift-mustache).
    func renderBytes(_ values: TemplateValue) -> [UInt8]? {
        guard case .object = values else { return nil }  // swift-mustache sees a root list or flag differently
        var output: [UInt8] = []
        output.reserveCapacity(literalSize + literalSize / 4 + 64)
        var stack: [TemplateValue] = [values]
        return literals.withUnsafeBufferPointer { literals in
            run(0..<operations.count, literals, &stack, &output) ? output : nil
        }
    }

    /// The template rendered with `values`, or nil (see `renderBytes`).
    func render(_ values: TemplateValue) -> String? {
        renderBytes(values).map { String(decoding: $0, as: UTF8.self) }
    }

    private func run(
        _ range: Range<Int>, _ literals: UnsafeBufferPointer<UInt8>, _ stack: inout [TemplateValue],
        _ output: inout [UInt8]
    ) -> Bool {
        var index = range.lowerBound
        while index < range.upperBound {
            switch operations[index] {
            case .literal(let bytes):
                output.append(contentsOf: UnsafeBufferPointer(rebasing: literals[bytes]))
                index += 1
            case .variable(let path, let escaping):
                switch Self.resolve(path, in: stack) {
                case .missing: break
                case .unsupported: return false
                case .found(let value):
                    guard Self.write(value, escaping, to: &output) else { return false }
                }
                index += 1
            case .section(let path, let inverted, let end):
                let body = index + 1..<end
                let found: TemplateValue?
                switch Self.resolve(path, in: stack) {
                case .missing: found = nil
                case .unsupported: return false
                case .found(let value): found = value
                }
                if inverted {
                    switch found {
                    case .none, .bool(false)?:
                        guard run(body, literals, &stack, &output) else { return false }
                    case .list(let items)? where items.isEmpty:
                        // swift-mustache pushes the empty list; nothing can be found in it.
                        stack.append(.list(items))
                        defer { stack.removeLast() }
                        guard run(body, literals, &stack, &output) else { return false }
                    default: break
                    }
                } else {
                    switch found {
                    case .none, .bool(false)?: break
                    case .bool(true)?:
                        guard run(body, literals, &stack, &output) else { return false }
                    case .list(let items)?:
                        for item in items {
                            stack.append(item)
                            let rendered = run(body, literals, &stack, &output)
                            stack.removeLast()
                            guard rendered else { return false }
                        }
                    case .some(let value):
                        stack.append(value)
                        let rendered = run(body, literals, &stack, &output)
                        stack.removeLast()
                        guard rendered else { return false }
                    }
                }
                index = end
            }
        }
        return true
    }

    private enum Lookup {
        case found(TemplateValue)
        case missing
        case unsupported
    }

    /// swift-mustache's lookup: the first name in the innermost context that has it (only objects have fields),
    /// the rest from there; then the transforms.
    private static func resolve(_ path: Path, in stack: [TemplateValue]) -> Lookup {
        var value: TemplateValue
        if path.names.isEmpty {
            value = stack[stack.count - 1]
        } else if path.innermostOnly {
            guard let found = field(path.names, from: 0, of: stack[stack.count - 1]) else { return .missing }
            value = found
        } else {
            var found: TemplateValue?
            var level = stack.count - 1
            while level >= 0 {
                if case .object(let fields) = stack[level], let first = fields[path.names[0]] {
                    found = field(path.names, from: 1, of: first)
                    break
                }
                level -= 1
            }
            guard let found else { return .missing }
            value = found
        }
        for transform in path.transforms {
            guard case .list(let items) = value else { return .unsupported }
            switch transform {
            case "first":
                guard let first = items.first else { return .missing }
                value = first
            case "last":
                guard let last = items.last else { return .missing }
                value = last
            case "count": value = .integer(items.count)
            case "empty": value = .bool(items.isEmpty)
            default: return .unsupported
            }
        }
        return .found(value)
    }

    private static func field(_ names: [String], from start: Int, of value: TemplateValue) -> TemplateValue? {
        var value = value
        var index = start
        while index < names.count {
            guard case .object(let fields) = value, let next = fields[names[index]] else { return nil }
            value = next
            index += 1
        }
        return value
    }

    /// Writes a value as swift-mustache prints it; false for lists and objects (printed as their description).
    private static func write(_ value: TemplateValue, _ escaping: Escaping, to output: inout [UInt8]) -> Bool {
        switch value {
        case .string(let text):
            switch escaping {
            case .none: output.append(contentsOf: text.utf8)
            case .html: HTMLEscaping.append(text, to: &output)
            }
        case .integer(let number): output.append(contentsOf: String(number).utf8)
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .list, .object: return false
        }
        return true
    }
}
