import FlywheelTesting
import Foundation

/// A message as Python's `email` package (policy `default`) reads it: an independent parser checks what
/// the MIME writer produces. Line ends in part contents are given as "\n".
struct ParsedMail: Decodable {
    struct Address: Decodable { var name: String; var address: String }
    struct Part: Decodable { var contentType: String; var charset: String?; var transferEncoding: String?; var content: String }
    var subject: String
    var from: [Address]
    var to: [Address]
    var headers: [String: String]
    var contentType: String
    var parts: [Part]
    var defects: [String]
}

enum PythonMailParser {
    static let script = #"""
import email, email.policy, json, sys
message = email.message_from_bytes(sys.stdin.buffer.read(), policy=email.policy.default)
def addresses(header):
    value = message[header]
    return [{"name": a.display_name, "address": a.addr_spec} for a in value.addresses] if value else []
parts, defects = [], [repr(d) for d in message.defects]
for part in (message.iter_parts() if message.is_multipart() else [message]):
    defects += [repr(d) for d in part.defects]
    parts.append({"contentType": part.get_content_type(), "charset": part.get_content_charset(),
                  "transferEncoding": part["Content-Transfer-Encoding"],
                  "content": part.get_content().replace("\r\n", "\n")})
print(json.dumps({"subject": str(message["subject"]), "from": addresses("from"), "to": addresses("to"),
    "headers": {k: str(v) for k, v in message.items()}, "contentType": message.get_content_type(),
    "parts": parts, "defects": defects}))
"""#

    static func parse(_ bytes: [UInt8]) async throws -> ParsedMail {
        guard let python = LocalServers.python else { throw SinkError("python3 is missing") }
        let output = try await ChildProcess.run(python, ["-c", script], input: Data(bytes))
        guard output.status == 0 else {
            throw SinkError("python email parse failed: \(String(decoding: output.stderr, as: UTF8.self))")
        }
        return try JSONDecoder().decode(ParsedMail.self, from: output.stdout)
    }
}
