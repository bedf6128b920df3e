import Foundation

/// Decodes a webhook body into its payload type and turns every `DecodingError` into a
/// `ShopifyWebhookError` that names the JSON path (`line_items[1].quantity`) and the reason.
struct ShopifyPayloadDecoder {
    let topic: ShopifyWebhookTopic

    func decode<Payload: Decodable>(_ type: Payload.Type, from body: Data) throws(ShopifyWebhookError) -> Payload {
        do {
            return try JSONDecoder().decode(type, from: body)
        } catch let error as DecodingError {
            throw translate(error, body: body)
        } catch {
            throw ShopifyWebhookError(kind: .malformedJSON, topic: topic, path: "body", reason: Self.notJSON)
        }
    }

    private static let notJSON = "is not valid JSON (empty, truncated or malformed)"

    private func translate(_ error: DecodingError, body: Data) -> ShopifyWebhookError {
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            // Foundation reports unreadable documents and some unreadable values alike at the root.
            if (try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed])) != nil {
                return payloadError("body", "contains a value that cannot be read (e.g. a number out of range)")
            }
            return ShopifyWebhookError(kind: .malformedJSON, topic: topic, path: "body", reason: Self.notJSON)
        case .dataCorrupted(let context):
            let description = context.debugDescription
            let reason =
                description.hasPrefix(ShopifyWholeNumber.reasonPrefix)
                ? String(description.dropFirst(ShopifyWholeNumber.reasonPrefix.count)) : "is not a valid value here"
            return payloadError(Self.path(context.codingPath), reason)
        case .typeMismatch(let type, let context):
            if context.codingPath.isEmpty { return payloadError("body", "must be a JSON object") }
            return payloadError(Self.path(context.codingPath), Self.expected(type))
        case .valueNotFound(_, let context):
            return payloadError(Self.path(context.codingPath), "must not be null")
        case .keyNotFound(let key, let context):
            return payloadError(Self.path(context.codingPath + [key]), "is missing")
        @unknown default:
            return payloadError("body", "cannot be read")
        }
    }

    private func payloadError(_ path: String, _ reason: String) -> ShopifyWebhookError {
        ShopifyWebhookError(kind: .invalidPayload, topic: topic, path: path, reason: reason)
    }

    /// `line_items[2].price` from the decoder's coding path.
    static func path(_ codingPath: [any CodingKey]) -> String {
        var path = ""
        for key in codingPath {
            if let index = key.intValue {
                path += "[\(index)]"
            } else {
                path += path.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return path.isEmpty ? "body" : path
    }

    private static func expected(_ type: Any.Type) -> String {
        let name = String(describing: type)
        if name == "String" { return "must be a string" }
        if name == "Bool" { return "must be true or false" }
        if name.hasPrefix("Int") || name.hasPrefix("UInt") { return "must be a whole number" }
        if name == "Double" || name == "Float" { return "must be a number" }
        if name.hasPrefix("Array") { return "must be a list" }
        return "must be an object"
    }
}
