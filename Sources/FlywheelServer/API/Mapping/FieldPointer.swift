import FlywheelCore

/// Translates the domain's validation field names (`line_items[2].price`) into JSON pointers of the API's
/// bodies (`/line_items/2/total_minor`).
enum FieldPointer {
    /// Leaf names the API spells with their unit.
    private static let renames: [String: String] = [
        "price": "total_minor", "subtotal": "subtotal_minor", "shipping": "shipping_minor", "tax": "tax_minor",
        "total": "total_minor", "amount": "amount_minor", "unit_price": "unit_price_minor",
    ]

    /// The pointer of `field` in a body whose own id the domain calls `ownID` (e.g. `refund_id` → `/id`).
    static func pointer(for field: String, ownID: String) -> String {
        if field == ownID { return "/id" }
        var parts: [String] = []
        for segment in field.split(separator: ".") {
            var name = Substring(segment)
            var indices: [String] = []
            while name.last == "]", let open = name.lastIndex(of: "[") {
                indices.insert(String(name[name.index(after: open)..<name.index(before: name.endIndex)]), at: 0)
                name = name[..<open]
            }
            parts.append(String(name))
            parts.append(contentsOf: indices)
        }
        if let leafIndex = parts.lastIndex(where: { Int($0) == nil }), let renamed = renames[parts[leafIndex]] {
            parts[leafIndex] = renamed
        }
        return "/" + parts.map(ProblemMiddleware<FlywheelRequestContext>.escapePointer).joined(separator: "/")
    }

    /// A validation error as a 422 problem with one field error per issue.
    static func problem(_ error: ValidationError, ownID: String) -> APIProblem {
        .invalid(error.issues.map { .init(pointer: pointer(for: $0.field, ownID: ownID), detail: $0.reason) })
    }
}
