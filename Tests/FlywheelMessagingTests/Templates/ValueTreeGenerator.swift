@testable import FlywheelMessaging

/// Random but reproducible `TemplateValue` trees over the names templates use: fields present or missing; text
/// with HTML specials, quotes, combining marks, emoji, right-to-left script and Mustache braces; numbers;
/// flags; empty and filled lists of objects, texts and flags; nested objects.
struct ValueTreeGenerator {
    /// The dotted names templates use (split), those opened as sections and those printed as `{{name}}`.
    struct Vocabulary {
        var names: [[String]]
        var sections: Set<[String]>
        var printed: Set<[String]>
    }

    /// The names below one name.
    struct Node {
        var children: [String: Node] = [:]
        /// Whether a template opens a section on this name (then lists and flags are likely).
        var isSection = false
        /// Whether a template prints it (a list or object there is printed as its description, which the
        /// compiled plans hand to swift-mustache: kept rare).
        var isPrinted = false
    }

    private var state: UInt64
    private let root: Node

    init(seed: UInt64, vocabulary: Vocabulary) {
        state = seed
        var root = Node()
        for name in vocabulary.names {
            Self.insert(name[...], isSection: vocabulary.sections.contains(name), isPrinted: vocabulary.printed.contains(name), into: &root)
        }
        self.root = root
    }

    private static func insert(_ name: ArraySlice<String>, isSection: Bool, isPrinted: Bool, into node: inout Node) {
        guard let first = name.first else { return }
        var child = node.children[first] ?? Node()
        if name.count == 1 {
            child.isSection = child.isSection || isSection
            child.isPrinted = child.isPrinted || isPrinted
        }
        insert(name.dropFirst(), isSection: isSection, isPrinted: isPrinted, into: &child)
        node.children[first] = child
    }

    static let texts: [String] = [
        "", " ", "Jürgen", "<b>fett</b>", "Berg & Söhne", "\"quoted\" and 'single'", "e\u{301}<", "<\u{301}x", "\u{1F375} Tee",
        "ק׳פה", "  padded  ", "two\nlines", "{{not.a.tag}}", "100 % < 200 %", "\u{00A0}nbsp\u{00A0}", "&amp;", "'", ">",
        "https://shop.example/?a=1&b=2", "Ünïcödé ß", "\u{0915}\u{094D}\u{0937}", "a\u{200D}b", "\t", "0",
    ]

    private mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private mutating func roll() -> Int { Int(next() % 100) }

    private mutating func text() -> String {
        (0...Int(next() % 3)).map { _ in Self.texts[Int(next() % UInt64(Self.texts.count))] }.joined()
    }

    /// A tree for the root.
    mutating func tree() -> TemplateValue { object(root, depth: 0) }

    private mutating func object(_ node: Node, depth: Int) -> TemplateValue {
        var fields: [String: TemplateValue] = [:]
        for key in node.children.keys.sorted() where roll() < 80 {
            fields[key] = value(node.children[key]!, depth: depth + 1)
        }
        return .object(fields)
    }

    private mutating func list(depth: Int) -> TemplateValue {
        .list((0..<Int(next() % 4)).map { _ in
            let roll = roll()
            if roll < 70, depth < 4 { return object(root, depth: depth + 1) }
            if roll < 85 { return .string(text()) }
            return .bool(roll < 92)
        })
    }

    private mutating func value(_ node: Node, depth: Int) -> TemplateValue {
        let roll = roll()
        if !node.children.isEmpty, depth < 4, roll < 80 { return object(node, depth: depth) }
        if node.isSection, !node.isPrinted {
            switch roll {
            case ..<35: return list(depth: depth)
            case ..<45: return .list([])
            case ..<65: return .bool(roll < 55)
            case ..<80: return .string(text())
            case ..<85: return .integer(Int(next() % 3))
            default: return depth < 4 ? object(node, depth: depth) : .string(text())
            }
        }
        if node.isSection {  // opened and printed
            switch roll {
            case ..<50: return .string(text())
            case ..<60: return .integer(Int(next() % 3))
            case ..<85: return .bool(roll < 72)
            case ..<98: return .list([])
            default: return list(depth: depth)
            }
        }
        switch roll {
        case ..<75: return .string(text())
        case ..<87: return .integer(Int(truncatingIfNeeded: next() % 2_000_001) - 1_000_000)
        case ..<97: return .bool(roll < 92)
        case ..<98: return .list([])
        case ..<99: return list(depth: depth)
        default: return .object([:])
        }
    }
}
