import Mustache

/// Escaping of values in an SMS gateway's body template, as Mustache content types.
enum SMSBodyEscaping {
    /// JSON string contents: quotes, backslashes and control characters escaped.
    struct JSON: MustacheContentType {
        func escapeText(_ text: String) -> String {
            var output = ""
            output.reserveCapacity(text.utf8.count + 8)
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": output += "\\\""
                case "\\": output += "\\\\"
                case "\n": output += "\\n"
                case "\r": output += "\\r"
                case "\t": output += "\\t"
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: output.unicodeScalars.append(scalar)
                }
            }
            return output
        }
    }

    /// application/x-www-form-urlencoded: unreserved characters kept, space as "+", the rest %XX.
    struct Form: MustacheContentType {
        func escapeText(_ text: String) -> String {
            var output = ""
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                    UInt8(ascii: "*"):
                    output.unicodeScalars.append(UnicodeScalar(byte))
                case UInt8(ascii: " "): output += "+"
                default: output += "%" + HeaderEncoding.hex(byte)
                }
            }
            return output
        }
    }

    static let jsonName = "FLYWHEEL_SMS_JSON"
    static let formName = "FLYWHEEL_SMS_FORM"

    /// Registers both content types with Mustache (once).
    static let registered: Void = {
        MustacheContentTypes.register(JSON(), named: jsonName)
        MustacheContentTypes.register(Form(), named: formName)
    }()
}
