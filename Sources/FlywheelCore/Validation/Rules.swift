/// Collects the issues of one record while its rules are checked.
struct Rules {
    private(set) var issues: [ValidationIssue] = []

    /// Field and reason are built only when the rule is broken: validation runs per imported row.
    mutating func require(_ condition: Bool, _ field: @autoclosure () -> String, _ reason: @autoclosure () -> String) {
        if !condition { issues.append(ValidationIssue(field: field(), reason: reason())) }
    }

    mutating func externalID(_ value: String, _ field: @autoclosure () -> String) {
        require(!value.isEmpty, field(), "is empty")
        require(value.utf8.count <= 255, field(), "is longer than 255 bytes")
        // C0 controls and DEL are one byte each in UTF-8; C1 controls (U+0080–U+009F) start with 0xC2.
        var control = false
        var previous: UInt8 = 0
        for byte in value.utf8 {
            if byte < 0x20 || byte == 0x7F || (previous == 0xC2 && byte >= 0x80 && byte <= 0x9F) { control = true }
            previous = byte
        }
        require(!control, field(), "contains control characters")
    }

    mutating func text(_ value: String?, _ field: @autoclosure () -> String, maxBytes: Int = 1000) {
        guard let value else { return }
        require(value.utf8.count <= maxBytes, field(), "is longer than \(maxBytes) bytes")
    }

    mutating func nonNegative(_ value: Int64, _ field: @autoclosure () -> String) {
        require(value >= 0, field(), "must not be negative")
    }

    func check(record: String) throws(ValidationError) {
        if !issues.isEmpty { throw ValidationError(record: record, issues: issues) }
    }

    /// A plausible address: one `@`, something before it, a dot inside the domain, no spaces.
    static func isPlausibleEmail(_ email: String) -> Bool {
        let bytes = email.utf8
        guard bytes.count <= 254 else { return false }
        var at = -1
        var index = 0
        var lastDot = -1
        var firstDomainDot = -1
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "@"):
                if at >= 0 { return false }
                at = index
            case UInt8(ascii: "."):
                if at >= 0 {
                    if firstDomainDot < 0 { firstDomainDot = index }
                    lastDot = index
                }
            case 0x20, 0x09, 0x0A, 0x0D: return false
            default: break
            }
            index += 1
        }
        let count = index
        guard at > 0, count - at - 1 >= 3, firstDomainDot > at + 1, lastDot < count - 1 else { return false }
        return true
    }
}
