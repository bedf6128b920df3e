import Foundation

extension MailAddress {
    /// Parses `Shop Name <shop@example.com>`, `"Shop, Inc." <shop@example.com>` or `shop@example.com`.
    /// - Throws: `MailAddressError` saying what is wrong.
    public init(parsing text: String) throws(MailAddressError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var name: String?
        var address = trimmed
        if trimmed.hasSuffix(">") {
            guard let open = trimmed.lastIndex(of: "<") else { throw MailAddressError("\(trimmed): a \">\" without \"<\"") }
            address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
            var phrase = trimmed[..<open].trimmingCharacters(in: .whitespaces)
            if phrase.count >= 2, phrase.hasPrefix("\""), phrase.hasSuffix("\"") { phrase = String(phrase.dropFirst().dropLast()) }
            name = phrase.isEmpty ? nil : phrase
        }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."),
            !parts[1].hasSuffix(".")
        else {
            throw MailAddressError("\(trimmed): \"\(address)\" is not an address like name@example.com")
        }
        guard address.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 32 && !"<>()[],;:\\\"".unicodeScalars.contains($0) })
        else {
            throw MailAddressError("\(trimmed): the address may hold only ASCII letters, digits and . _ - + (no spaces)")
        }
        self.init(address, name: name)
    }

    /// The domain of the address (after the `@`).
    public var domain: String { address.split(separator: "@").last.map(String.init) ?? address }
}
