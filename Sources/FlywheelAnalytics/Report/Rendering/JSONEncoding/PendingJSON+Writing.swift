import FlywheelCore

extension PendingJSON {
    /// Appends the value as `JSONEncoder` writes it with `[.prettyPrinted, .sortedKeys,
    /// .withoutEscapingSlashes]`: two spaces per level, `"key" : value`, members sorted by their keys'
    /// UTF-8 bytes, an empty container as its brackets around an empty line.
    func write(to output: inout [UInt8], indent: Int = 0) {
        switch self {
        case .number(let text):
            output.append(contentsOf: text.utf8)
        case .string(let text):
            JSONString.append(text, to: &output)
        case .bool(let value):
            output.append(contentsOf: value ? "true".utf8 : "false".utf8)
        case .null:
            output.append(contentsOf: "null".utf8)
        case .array(let array):
            output.append(UInt8(ascii: "["))
            output.append(UInt8(ascii: "\n"))
            for (position, element) in array.elements.enumerated() {
                if position > 0 {
                    output.append(UInt8(ascii: ","))
                    output.append(UInt8(ascii: "\n"))
                }
                Self.writeIndent(indent + 1, to: &output)
                element.write(to: &output, indent: indent + 1)
            }
            output.append(UInt8(ascii: "\n"))
            Self.writeIndent(indent, to: &output)
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            output.append(UInt8(ascii: "{"))
            output.append(UInt8(ascii: "\n"))
            let members = object.members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            for (position, member) in members.enumerated() {
                if position > 0 {
                    output.append(UInt8(ascii: ","))
                    output.append(UInt8(ascii: "\n"))
                }
                Self.writeIndent(indent + 1, to: &output)
                JSONString.append(member.key, to: &output)
                output.append(contentsOf: " : ".utf8)
                member.value.write(to: &output, indent: indent + 1)
            }
            output.append(UInt8(ascii: "\n"))
            Self.writeIndent(indent, to: &output)
            output.append(UInt8(ascii: "}"))
        }
    }

    private static func writeIndent(_ level: Int, to output: inout [UInt8]) {
        for _ in 0..<level {
            output.append(UInt8(ascii: " "))
            output.append(UInt8(ascii: " "))
        }
    }
}
