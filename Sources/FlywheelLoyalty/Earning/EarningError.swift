/// Why an order cannot earn points under a set of rules.
public struct EarningError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The programme's currency.
    public let expected: String
    /// The order's currency.
    public let got: String

    /// The order is in another currency than the programme's; points are refused rather than guessed.
    public static func currencyMismatch(expected: String, got: String) -> EarningError {
        EarningError(expected: expected, got: got)
    }

    public var description: String {
        "order is in \(got) but the programme earns on \(expected) orders; "
            + "convert the order or add a programme for \(got)"
    }
}
