extension Customer {
    /// True when the e-mail (if any) looks like an address: one `@`, a dotted domain, no spaces.
    public var isEmailPlausible: Bool { email.map(Rules.isPlausibleEmail) ?? true }
}
