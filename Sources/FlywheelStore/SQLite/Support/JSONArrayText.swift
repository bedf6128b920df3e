/// Strings as the text of a JSON array, `["a","b\"c"]`, for SQLite's `json_each`: a batch's keys bound as one
/// value, so one statement looks them all up.
enum JSONArrayText {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func of(_ strings: some Sequence<String>) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        var first = true
        for string in strings {
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            bytes.append(UInt8(ascii: "\""))
            for byte in string.utf8 {
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                    bytes.append(UInt8(ascii: "\\"))
                    bytes.append(byte)
                case 0..<0x20:
                    bytes.append(contentsOf: [
                        UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                    ])
                    bytes.append(hexDigits[Int(byte >> 4)])
                    bytes.append(hexDigits[Int(byte & 0x0f)])
                default:
                    bytes.append(byte)
                }
            }
            bytes.append(UInt8(ascii: "\""))
        }
        bytes.append(UInt8(ascii: "]"))
        return String(decoding: bytes, as: UTF8.self)
    }
}
