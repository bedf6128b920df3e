/// The parts of a message template, one file each: `<locale>.<extension>`.
public enum TemplatePart: String, Sendable, CaseIterable {
    /// The e-mail subject (plain text, one line).
    case subject = "subject.txt"
    /// The plain-text e-mail body.
    case text = "txt"
    /// The HTML e-mail body (values HTML-escaped).
    case html = "html"
    /// The SMS text (plain).
    case sms = "sms.txt"

    /// Whether values are HTML-escaped in this part.
    var escapesHTML: Bool { self == .html }

    /// The part and locale of a file name such as `de.sms.txt`, or nil.
    static func parse(fileName: String) -> (locale: String, part: TemplatePart)? {
        // The longest extension first: "sms.txt" and "subject.txt" before "txt".
        for part in [TemplatePart.sms, .subject, .html, .text] {
            let suffix = "." + part.rawValue
            if fileName.hasSuffix(suffix) {
                let locale = String(fileName.dropLast(suffix.count))
                guard !locale.isEmpty, !locale.contains(".") else { return nil }
                return (locale, part)
            }
        }
        return nil
    }
}
