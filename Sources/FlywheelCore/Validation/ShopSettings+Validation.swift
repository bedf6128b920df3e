import Foundation

extension ShopSettings {
    /// Checks the shop's settings: a name and a time zone the system knows.
    public func validate() throws(ValidationError) {
        var rules = Rules()
        rules.require(!name.trimmingCharacters(in: .whitespaces).isEmpty, "name", "is empty")
        rules.text(name, "name", maxBytes: 200)
        rules.require(timeZone != nil, "time_zone", "is not an IANA time zone such as Europe/Berlin")
        try rules.check(record: "shop settings")
    }
}
