extension CompiledTemplate {
    /// Why a parsed template cannot become a plan (it then renders with swift-mustache).
    struct Unsupported: Error, Equatable {
        let reason: String
    }

    /// Links the parsed template `name` of `parsed` (every template and partial by the name `MessageTemplates`
    /// registers it under; nil for one outside the parser's subset) into one plan: partials and layouts inlined, blocks replaced by
    /// the overrides they inherit, literal runs joined, each variable's escaping fixed by the content type in
    /// force where it stands — as swift-mustache renders: a partial starts in HTML (its own
    /// `{{% CONTENT_TYPE}}` line switches), a section and a block continue in the content type around them.
    static func link(_ name: String, parsed: [String: [TemplateNode]?]) throws(Unsupported) -> CompiledTemplate {
        guard let found = parsed[name], let nodes = found else { throw Unsupported(reason: "\(name) is not compiled") }
        var linker = Linker(parsed: parsed)
        var escaping = Escaping.html
        try linker.emit(nodes, escaping: &escaping, inherited: nil, depth: 0)
        linker.closeLiteral()
        return CompiledTemplate(literals: linker.literals, operations: linker.operations)
    }

    private struct Linker {
        let parsed: [String: [TemplateNode]?]
        var literals: [UInt8] = []
        var operations: [Operation] = []
        /// Where the literal run being joined starts in `literals`, if one is open.
        var openLiteral: Int?

        /// Partials inside partials deeper than this are taken for a loop (swift-mustache would not end).
        static let maximumDepth = 24

        init(parsed: [String: [TemplateNode]?]) { self.parsed = parsed }

        mutating func closeLiteral() {
            if let start = openLiteral, start < literals.count { operations.append(.literal(start..<literals.count)) }
            openLiteral = nil
        }

        mutating func emit(
            _ nodes: [TemplateNode], escaping: inout Escaping, inherited: [String: [TemplateNode]]?, depth: Int
        ) throws(Unsupported) {
            guard depth <= Self.maximumDepth else { throw Unsupported(reason: "partials nested deeper than \(Self.maximumDepth)") }
            for node in nodes {
                switch node {
                case .text(let bytes):
                    if openLiteral == nil { openLiteral = literals.count }
                    literals += bytes
                case .variable(let name, let transforms, let escaped):
                    closeLiteral()
                    operations.append(.variable(try Self.path(name, transforms), escaped ? escaping : .none))
                case .section(let name, let transforms, let body, let inverted):
                    closeLiteral()
                    let start = operations.count
                    let path = try Self.path(name, transforms)
                    operations.append(.literal(0..<0))  // replaced once the body's end is known
                    var inner = escaping
                    try emit(body, escaping: &inner, inherited: inherited, depth: depth)
                    closeLiteral()
                    operations[start] = .section(path, inverted: inverted, end: operations.count)
                case .blockDefinition(let name, _):
                    throw Unsupported(reason: "the block {{$\(name)}} outside a {{<partial}}")
                case .blockExpansion(let name, let body, let indentation):
                    guard indentation.isEmpty else { throw Unsupported(reason: "an indented block {{$\(name)}}") }
                    var inner = escaping
                    try emit(inherited?[name] ?? body, escaping: &inner, inherited: inherited, depth: depth + 1)
                case .partial(let name, let indentation, let overrides):
                    guard indentation?.isEmpty ?? true else { throw Unsupported(reason: "an indented partial {{>\(name)}}") }
                    let partial: [TemplateNode]
                    switch parsed[name] {
                    case .none: continue  // a missing partial renders as nothing, as in swift-mustache
                    case .some(.none): throw Unsupported(reason: "the partial \(name) is not compiled")
                    case .some(.some(let nodes)): partial = nodes
                    }
                    var merged = inherited
                    if let overrides {
                        // Blocks already inherited from further out win, as swift-mustache merges them.
                        merged = (inherited ?? [:]).merging(overrides) { outer, _ in outer }
                    }
                    var inner = Escaping.html
                    try emit(partial, escaping: &inner, inherited: merged, depth: depth + 1)
                case .contentType(let name):
                    switch name {
                    case "TEXT": escaping = .none
                    case "HTML", HTMLEscaping.name: escaping = .html
                    default: throw Unsupported(reason: "the content type \(name)")
                    }
                }
            }
        }

        /// A name as swift-mustache looks it up: `.` the innermost context, `.a.b` only there, `a.b` anywhere.
        static func path(_ name: String, _ transforms: [String]) throws(Unsupported) -> Path {
            if name.isEmpty, !transforms.isEmpty {
                throw Unsupported(reason: "a transform of the list position (\(transforms.joined(separator: ", ")))")
            }
            let names = name == "." ? [] : name.split(separator: ".").map(String.init)
            return Path(names: names, innermostOnly: name.hasPrefix("."), transforms: transforms.reversed())
        }
    }
}
