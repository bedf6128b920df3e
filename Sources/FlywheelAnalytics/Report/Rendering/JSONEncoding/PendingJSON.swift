/// A JSON value while a report is being encoded. Containers are boxes: a container the encoder has handed
/// out is placed in its parent at once and filled afterwards (as `Codable` asks of an encoder).
enum PendingJSON {
    /// A number's text as written (an integer's or a finite double's).
    case number(String)
    case string(String)
    case bool(Bool)
    case null
    case array(PendingJSONArray)
    case object(PendingJSONObject)
}

/// An array being filled.
final class PendingJSONArray {
    var elements: [PendingJSON] = []
}

/// An object being filled: members by their written (snake_case) key, written in sorted order. A key
/// encoded twice keeps its last value, as with `JSONEncoder`.
final class PendingJSONObject {
    var members: [String: PendingJSON] = [:]
}
