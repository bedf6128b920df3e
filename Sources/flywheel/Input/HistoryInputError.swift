/// Order history that cannot be read or analysed as asked (no database, nothing in the chosen currency, a
/// customer who is not there): the command prints the message and exits with status 1.
struct HistoryInputError: Error, CustomStringConvertible {
    /// What was wrong and what to do.
    var description: String

    init(_ description: String) { self.description = description }
}
