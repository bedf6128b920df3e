public import Foundation

extension Programme {
    /// Reads and validates a programme file (JSON, snake_case keys, ISO 8601 dates).
    ///
    /// - Throws: `ProgrammeError` naming the key path and the problem: the first decoding problem (a missing
    ///   key, a wrong type, an unknown `type`), or every validation problem at once.
    public static func load(from data: Data) throws(ProgrammeError) -> Programme {
        let programme: Programme
        do {
            programme = try makeDecoder().decode(Programme.self, from: data)
        } catch let error as DecodingError {
            throw ProgrammeError(problems: [problem(from: error)])
        } catch {
            throw ProgrammeError(problems: [ProgrammeProblem(path: "", message: "is not valid JSON")])
        }
        let problems = programme.validate()
        guard problems.isEmpty else { throw ProgrammeError(problems: problems) }
        return programme
    }

    /// The programme as a JSON file: snake_case keys, ISO 8601 dates, sorted keys, pretty printed.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(self)
    }

    static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    /// A decoding error as a problem at its key path.
    static func problem(from error: DecodingError) -> ProgrammeProblem {
        switch error {
        case .keyNotFound(let key, let context):
            return ProgrammeProblem(
                path: ProblemList.join(path(context.codingPath), key.stringValue), message: "is missing")
        case .typeMismatch(let type, let context):
            return ProgrammeProblem(path: path(context.codingPath), message: "must be \(describe(type))")
        case .valueNotFound(let type, let context):
            return ProgrammeProblem(path: path(context.codingPath), message: "must be \(describe(type)), not null")
        case .dataCorrupted(let context):
            let message = context.codingPath.isEmpty ? "is not valid JSON" : context.debugDescription
            return ProgrammeProblem(path: path(context.codingPath), message: message)
        @unknown default:
            return ProgrammeProblem(path: "", message: "cannot be read")
        }
    }

    /// `tiers[2].entry_threshold` from a coding path.
    static func path(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text = ProblemList.join(text, key.stringValue)
            }
        }
        return text
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "text"
        case is Int.Type, is Int64.Type: "a whole number"
        case is Bool.Type: "true or false"
        case is Date.Type: "an ISO 8601 time such as 2026-01-01T00:00:00Z"
        default: "a \(type)"
        }
    }
}
