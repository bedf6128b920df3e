/// A parser for the Mustache subset the shipped templates use, on UTF-8 bytes, producing the token tree
/// swift-mustache 2.1's parser produces for the same text — including its whitespace rules: standalone tag
/// lines removed, the indentation of a line kept until the text or tag after it, the first line's indentation
/// taken off every line of a block inside `{{<partial}}`, trailing blanks at the end of the file dropped.
///
/// Outside the subset (`TemplateParseFailure.unsupported`): set delimiters, dynamic partials (`{{>*name}}`),
/// carriage returns and Unicode line separators, and characters (grapheme clusters) that join an ASCII
/// character to other scalars (`{` followed by a combining mark): swift-mustache compares characters, this
/// parser bytes, so there the two could disagree. Such templates render with swift-mustache.
struct TemplateParser {
    /// The delimiters (fixed: `{{` `}}`; a template that changes them is unsupported).
    private static let open: [UInt8] = Array("{{".utf8)
    private static let close: [UInt8] = Array("}}".utf8)

    private struct State {
        var sectionName: String?
        var sectionTransforms: [String] = []
        var newLine = true
        var isPartialDefinition = false
        var isPartialDefinitionTopLevel = false
        var partialDefinitionIndent: Int?

        func withSectionName(_ name: String, newLine: Bool, transforms: [String] = []) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = transforms
            state.isPartialDefinitionTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }

        func withInheritancePartial(_ name: String) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = []
            state.newLine = true
            state.isPartialDefinition = true
            state.isPartialDefinitionTopLevel = true
            return state
        }
    }

    /// A malformed-text error at the parser's position, before the line/column is worked out.
    private struct Malformed: Error {
        let reason: String
    }

    private let bytes: [UInt8]
    private var position = 0

    private init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The token tree of `text`.
    /// - Throws: `TemplateParseFailure`: malformed (line and column where the parser stopped), or unsupported.
    static func parse(_ text: String) throws(TemplateParseFailure) -> [TemplateNode] {
        try checkSubset(text)
        var parser = TemplateParser(Array(text.utf8))
        do {
            return try parser.parse(State())
        } catch let failure as TemplateParseFailure {
            throw failure
        } catch let error as Malformed {
            let (line, column) = parser.lineAndColumn()
            throw .malformed(line: line, column: column, reason: error.reason)
        } catch {
            throw .unsupported("\(error)")
        }
    }

    /// Rejects what a byte parser could read differently from swift-mustache's character parser.
    private static func checkSubset(_ text: String) throws(TemplateParseFailure) {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029:
                throw .unsupported("a line break other than \\n (U+\(String(scalar.value, radix: 16, uppercase: true)))")
            default: continue
            }
        }
        for character in text where character.utf8.count > 1 && character.unicodeScalars.contains(where: \.isASCII) {
            throw .unsupported("a character joining an ASCII character with other scalars (\(character.debugDescription))")
        }
    }

    /// The 1-based line and column (in characters) of the position, as swift-mustache reports them.
    private func lineAndColumn() -> (Int, Int) {
        let end = min(position, bytes.count)
        var lineStart = end
        while lineStart > 0, bytes[lineStart - 1] != UInt8(ascii: "\n") { lineStart -= 1 }
        let line = bytes[..<end].reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        return (line, String(decoding: bytes[lineStart..<end], as: UTF8.self).count + 1)
    }

    // MARK: - The reader

    private var atEnd: Bool { position >= bytes.count }

    /// The byte at the position, 0 at the end (as swift-mustache's `current()` answers "\0").
    private var current: UInt8 { position < bytes.count ? bytes[position] : 0 }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || (UInt8(ascii: "\t")...UInt8(ascii: "\r")).contains(byte)
    }

    private static let nameCharacters = characterTable("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
    private static let nameCharactersWithBrackets = characterTable(
        "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    private static let partialNameCharacters = characterTable(
        "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")

    private static func characterTable(_ characters: String) -> [Bool] {
        var table = [Bool](repeating: false, count: 256)
        for byte in characters.utf8 { table[Int(byte)] = true }
        return table
    }

    @discardableResult
    private mutating func read(while accepts: (UInt8) -> Bool) -> ArraySlice<UInt8> {
        let start = position
        while position < bytes.count, accepts(bytes[position]) { position += 1 }
        return bytes[start..<position]
    }

    /// Reads `string` if it comes next; too few bytes left is an error (swift-mustache's `read(count:)`).
    private mutating func read(_ string: [UInt8]) throws(Malformed) -> Bool {
        guard bytes.count - position >= string.count else { throw Malformed(reason: "unexpected end of the template") }
        guard bytes[position..<position + string.count].elementsEqual(string) else { return false }
        position += string.count
        return true
    }

    /// Text up to the next `{{` (consumed) or newline (not consumed), or the end.
    private mutating func readUntilTagOrNewline() throws(Malformed) -> [UInt8] {
        var text: [UInt8] = []
        while !atEnd {
            text += read { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "{") }
            if current == UInt8(ascii: "\n") {
                break
            } else if current == UInt8(ascii: "{") {
                if try read(Self.open) { break }
                text.append(UInt8(ascii: "{"))
                position += 1
            }
        }
        return text
    }

    /// After a tag: whether only blanks follow up to the end of the line (then consumed with the newline) or
    /// the template ends right here.
    private mutating func hasLineFinished() -> Bool {
        if atEnd { return true }
        var end = position
        while end < bytes.count, Self.isBlank(bytes[end]) { end += 1 }
        guard end < bytes.count, bytes[end] == UInt8(ascii: "\n") else { return false }
        position = end + 1
        return true
    }

    private mutating func isStandalone(_ state: State) -> Bool { state.newLine && hasLineFinished() }

    // MARK: - Tokens

    private mutating func parse(_ entered: State) throws -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var state = entered
        var blanksBefore: [UInt8] = []
        while !atEnd {
            if state.newLine {
                let blanks = read(while: Self.isBlank)
                if state.isPartialDefinition, !state.isPartialDefinitionTopLevel {
                    if let indent = state.partialDefinitionIndent {
                        blanksBefore = Array(blanks.dropFirst(indent))
                    } else {
                        state.partialDefinitionIndent = blanks.count
                    }
                } else {
                    blanksBefore = Array(blanks)
                }
            }
            let text = try readUntilTagOrNewline()
            if current == UInt8(ascii: "\n") {
                nodes.append(.text(blanksBefore + text + [UInt8(ascii: "\n")]))
                state.newLine = true
                position += 1
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(blanksBefore + text))
                blanksBefore = []
                state.newLine = false
            }
            if atEnd { break }
            var setNewLine = false
            func flushBlanks() {
                if !blanksBefore.isEmpty {
                    nodes.append(.text(blanksBefore))
                    blanksBefore = []
                }
            }
            switch current {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                let inverted = current == UInt8(ascii: "^")
                position += 1
                let (name, transforms) = try parseName()
                if isStandalone(state) { setNewLine = true } else { flushBlanks() }
                let body = try parse(state.withSectionName(name, newLine: setNewLine, transforms: transforms))
                nodes.append(.section(name: name, transforms: transforms, body: body, inverted: inverted))

            case UInt8(ascii: "/"):
                position += 1
                let start = position
                let (name, transforms) = try parseName()
                guard name == state.sectionName, transforms == state.sectionTransforms else {
                    position = start
                    throw Malformed(reason: "{{/\(name)}} closes no open section (open: \(state.sectionName ?? "none"))")
                }
                if !isStandalone(state) { flushBlanks() }
                return nodes

            case UInt8(ascii: "!"):
                position += 1
                try skipComment()
                setNewLine = isStandalone(state)

            case UInt8(ascii: "{"):
                flushBlanks()
                position += 1
                let (name, transforms) = try parseName()
                guard !atEnd else { throw Malformed(reason: "unexpected end of the template") }
                guard current == UInt8(ascii: "}") else { throw Malformed(reason: "{{{\(name)}} lacks its third }") }
                position += 1
                nodes.append(.variable(name: name, transforms: transforms, escaped: false))

            case UInt8(ascii: "&"):
                flushBlanks()
                position += 1
                let (name, transforms) = try parseName()
                nodes.append(.variable(name: name, transforms: transforms, escaped: false))

            case UInt8(ascii: ">"):
                position += 1
                read(while: Self.isWhitespace)
                if current == UInt8(ascii: "*") { throw TemplateParseFailure.unsupported("a dynamic partial {{>*…}}") }
                let name = try parsePartialName()
                if !blanksBefore.isEmpty { nodes.append(.text(blanksBefore)) }
                if isStandalone(state) {
                    setNewLine = true
                    nodes.append(.partial(name: name, indentation: String(decoding: blanksBefore, as: UTF8.self), overrides: nil))
                } else {
                    nodes.append(.partial(name: name, indentation: nil, overrides: nil))
                }
                blanksBefore = []

            case UInt8(ascii: "<"):
                position += 1
                read(while: Self.isWhitespace)
                let name = try parsePartialName()
                if name.hasPrefix("*") { throw TemplateParseFailure.unsupported("a dynamic partial {{<*…}}") }
                if !blanksBefore.isEmpty { nodes.append(.text(blanksBefore)) }
                if isStandalone(state) { setNewLine = true }
                var overrides: [String: [TemplateNode]] = [:]
                for node in try parse(state.withInheritancePartial(name)) {
                    switch node {
                    case .blockDefinition(let block, let body): overrides[block] = body
                    case .text: continue
                    default: throw Malformed(reason: "only {{$block}}s may stand inside {{<\(name)}}")
                    }
                }
                nodes.append(.partial(name: name, indentation: String(decoding: blanksBefore, as: UTF8.self), overrides: overrides))
                blanksBefore = []

            case UInt8(ascii: "$"):
                position += 1
                let (name, transforms) = try parseName()
                guard transforms.isEmpty else { throw Malformed(reason: "a block {{$\(name)}} cannot take transforms") }
                if state.isPartialDefinitionTopLevel {
                    if isStandalone(state) { setNewLine = true }
                    let body = try parse(state.withSectionName(name, newLine: setNewLine))
                    nodes.append(.blockDefinition(name: name, body: body))
                } else {
                    if !blanksBefore.isEmpty { nodes.append(.text(blanksBefore)) }
                    if isStandalone(state) { setNewLine = true }
                    let body = try parse(state.withSectionName(name, newLine: setNewLine))
                    nodes.append(.blockExpansion(name: name, body: body, indentation: String(decoding: blanksBefore, as: UTF8.self)))
                    blanksBefore = []
                }

            case UInt8(ascii: "="):
                throw TemplateParseFailure.unsupported("changed delimiters {{=…=}}")

            case UInt8(ascii: "%"):
                position += 1
                nodes.append(.contentType(try parseContentType()))
                setNewLine = isStandalone(state)

            default:
                flushBlanks()
                let (name, transforms) = try parseName()
                nodes.append(.variable(name: name, transforms: transforms, escaped: true))
            }
            state.newLine = setNewLine
        }
        if let open = state.sectionName { throw Malformed(reason: "{{#\(open)}} (or {{^…}}, {{$…}}, {{<…}}) is never closed") }
        return nodes
    }

    private mutating func skipComment() throws(Malformed) {
        while position + 1 < bytes.count {
            if bytes[position] == Self.close[0], bytes[position + 1] == Self.close[1] {
                position += 2
                return
            }
            position += 1
        }
        throw Malformed(reason: "a comment {{!…}} is never closed")
    }

    /// A variable or section name and its transforms: `first(recommendations)` → ("recommendations", ["first"]).
    private mutating func parseName() throws(Malformed) -> (String, [String]) {
        read(while: Self.isWhitespace)
        let text = read { Self.nameCharactersWithBrackets[Int($0)] }
        read(while: Self.isWhitespace)
        guard try read(Self.close) else { throw Malformed(reason: "a tag's name is unfinished (expected }} after it)") }
        guard let bracket = text.firstIndex(where: { !Self.nameCharacters[Int($0)] }) else {
            return (String(decoding: text, as: UTF8.self), [])
        }
        let unfinished = Malformed(reason: "the transform call \(String(decoding: text, as: UTF8.self)) is malformed")
        guard text[bracket] == UInt8(ascii: "(") else { throw unfinished }
        var transforms = [String(decoding: text[..<bracket], as: UTF8.self)]
        var index = bracket + 1
        while true {
            let start = index
            while index < text.endIndex, Self.nameCharacters[Int(text[index])] { index += 1 }
            let name = String(decoding: text[start..<index], as: UTF8.self)
            guard index < text.endIndex else { throw unfinished }
            if text[index] == UInt8(ascii: "(") {
                transforms.append(name)
                index += 1
                continue
            }
            guard text[index] == UInt8(ascii: ")") else { throw unfinished }
            index += 1
            var closing = 0
            while index < text.endIndex, text[index] == UInt8(ascii: ")") {
                closing += 1
                index += 1
            }
            guard closing + 1 == transforms.count, index == text.endIndex else { throw unfinished }
            return (name, transforms)
        }
    }

    private mutating func parsePartialName() throws(Malformed) -> String {
        read(while: Self.isWhitespace)
        let text = read { Self.partialNameCharacters[Int($0)] }
        read(while: Self.isWhitespace)
        guard try read(Self.close) else { throw Malformed(reason: "a partial's name is unfinished (expected }} after it)") }
        return String(decoding: text, as: UTF8.self)
    }

    /// `{{% CONTENT_TYPE: name}}` → name.
    private mutating func parseContentType() throws -> String {
        let invalid = Malformed(reason: "a configuration tag must read {{% CONTENT_TYPE: name}}")
        read(while: Self.isWhitespace)
        let variable = read { Self.nameCharacters[Int($0)] }
        read(while: Self.isWhitespace)
        guard !atEnd else { throw invalid }
        guard current == UInt8(ascii: ":") else { throw invalid }
        position += 1
        read(while: Self.isWhitespace)
        let value = read { Self.nameCharacters[Int($0)] }
        read(while: Self.isWhitespace)
        guard (try? read(Self.close)) == true, !variable.isEmpty, !value.isEmpty else { throw invalid }
        guard variable.elementsEqual("CONTENT_TYPE".utf8) else {
            throw Malformed(reason: "unknown configuration \(String(decoding: variable, as: UTF8.self))")
        }
        return String(decoding: value, as: UTF8.self)
    }
}
