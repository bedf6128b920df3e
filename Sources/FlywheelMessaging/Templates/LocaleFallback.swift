/// The locales to try for a requested one, most specific first, ending with the default:
/// `de-AT` → `de-AT`, `de`, `en`. Case and "_" versus "-" do not matter.
public enum LocaleFallback {
    /// The chain for a requested locale.
    public static func chain(for requested: String, defaultLocale: String = "en") -> [String] {
        var chain: [String] = []
        var parts = normalize(requested).split(separator: "-").map(String.init)
        while !parts.isEmpty {
            chain.append(parts.joined(separator: "-"))
            parts.removeLast()
        }
        let fallback = normalize(defaultLocale)
        if !chain.contains(fallback) { chain.append(fallback) }
        return chain
    }

    /// Lower-case language, "-" separators: `de_AT` → `de-at`.
    static func normalize(_ locale: String) -> String {
        // Most locales arrive normalized ("de", "en"): answer those without Foundation's replacing.
        if locale.utf8.allSatisfy({ $0 != UInt8(ascii: "_") && $0 < 0x80 && !(UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }) {
            return locale
        }
        return locale.replacingOccurrences(of: "_", with: "-").lowercased()
    }
}
