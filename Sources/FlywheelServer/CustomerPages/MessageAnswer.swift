import Foundation

/// What an answer link says: the answer ("yes", "no", …) and the order it is about, if any. Carried in the
/// signed `CustomerLink.detail` as a form-encoded pair, so neither part can be changed.
public struct MessageAnswer: Sendable, Hashable {
    public var orderID: String?
    public var answer: String

    public init(orderID: String?, answer: String) {
        self.orderID = orderID
        self.answer = answer
    }

    /// The answers a link may carry: short lower-case words (the flow compares them with `event.answer`).
    static func isWellFormed(_ answer: String) -> Bool {
        !answer.isEmpty && answer.count <= 32
            && answer.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    public var linkDetail: String {
        var components = URLComponents()
        components.queryItems = [URLQueryItem(name: "a", value: answer)] + (orderID.map { [URLQueryItem(name: "o", value: $0)] } ?? [])
        return components.percentEncodedQuery ?? ""
    }

    /// The answer of a link's detail, or `nil` when the detail is not one.
    public init?(linkDetail: String) {
        // Parsed by hand: URLComponents traps on a query with characters it would have encoded.
        var fields: [Substring: String] = [:]
        for pair in linkDetail.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, let value = String(parts[1]).removingPercentEncoding else { return nil }
            fields[parts[0]] = value
        }
        guard let answer = fields["a"], Self.isWellFormed(answer) else { return nil }
        self.answer = answer
        self.orderID = fields["o"]
    }
}
