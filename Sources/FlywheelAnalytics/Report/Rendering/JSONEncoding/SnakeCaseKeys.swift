/// Keys in snake_case exactly as `JSONEncoder.KeyEncodingStrategy.convertToSnakeCase` writes them: words
/// split where a lower-case letter meets an upper-case one (a run of capitals is a word of its own, up to
/// the capital that starts the next word), joined by `_`, lower-cased. Upper-case means the Unicode
/// categories Lu and Lt, lower-case Ll. A report converts few distinct keys many times: they are cached.
final class SnakeCaseKeys {
    private var converted: [String: String] = [:]

    func callAsFunction(_ key: String) -> String {
        if let known = converted[key] { return known }
        let snake = Self.convert(key)
        converted[key] = snake
        return snake
    }

    static func convert(_ key: String) -> String {
        let scalars = Array(key.unicodeScalars)
        guard !scalars.isEmpty else { return key }
        func firstIndex(from start: Int, where matches: (Unicode.Scalar) -> Bool) -> Int? {
            (start..<scalars.count).first { matches(scalars[$0]) }
        }
        var words: [Range<Int>] = []
        var wordStart = 0
        var searchStart = 1
        while let upper = firstIndex(from: searchStart, where: isUpperCase) {
            words.append(wordStart..<upper)
            searchStart = upper
            guard let lower = firstIndex(from: searchStart, where: isLowerCase) else {
                wordStart = searchStart
                break
            }
            if lower == upper + 1 {
                wordStart = upper
            } else {
                words.append(upper..<(lower - 1))
                wordStart = lower - 1
            }
            searchStart = lower + 1
        }
        words.append(wordStart..<scalars.count)
        return words.map { range in
            var word = String.UnicodeScalarView()
            word.append(contentsOf: scalars[range])
            return String(word).lowercased()
        }.joined(separator: "_")
    }

    private static func isUpperCase(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .titlecaseLetter: true
        default: false
        }
    }

    private static func isLowerCase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .lowercaseLetter
    }
}
