/// Escaping for HTML and SVG text and attribute values: every `&`, `<`, `>`, `"` and `'` becomes an entity,
/// so text from the shop's data (names, ids, channels) can never become markup.
public enum HTMLText {
    /// The text with every markup character as an entity.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for char in text.unicodeScalars {
            switch char {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(char)
            }
        }
        return out
    }
}
