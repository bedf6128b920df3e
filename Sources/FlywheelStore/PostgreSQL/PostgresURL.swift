import Foundation

/// Where a PostgreSQL database is and how to log in: `postgres://USER:PASSWORD@HOST:PORT/DATABASE`
/// (`postgresql://` too). User and password may be percent-encoded; the port defaults to 5432 and the
/// database to the user's name. The only parameter understood is `sslmode=disable` (TLS is not supported
/// yet, so it is also what happens without it).
///
/// `description` shows everything but the password.
public struct PostgresURL: Hashable, Sendable, CustomStringConvertible {
    /// The server's host name or address.
    public var host: String
    /// The server's TCP port.
    public var port: Int
    /// The user to log in as.
    public var user: String
    /// The user's password; `nil` when the URL gives none (the server may trust the connection).
    public var password: String?
    /// The database to use.
    public var database: String

    /// A URL made of its parts.
    public init(host: String, port: Int = 5432, user: String, password: String?, database: String) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
    }

    /// Parses a `postgres://` URL; the error says which part is wrong, without quoting the password.
    public init(parsing text: String) throws(PostgresStoreError) {
        guard let components = URLComponents(string: text) else {
            throw .invalidURL("it is not a URL")
        }
        guard let scheme = components.scheme?.lowercased(), scheme == "postgres" || scheme == "postgresql" else {
            throw .invalidURL("it must start with postgres:// or postgresql://")
        }
        guard let host = components.host, !host.isEmpty else { throw .invalidURL("it names no host") }
        guard let user = components.user, !user.isEmpty else { throw .invalidURL("it names no user") }
        let port = components.port ?? 5432
        guard (1...65_535).contains(port) else { throw .invalidURL("the port \(port) is not between 1 and 65535") }
        var database = components.path
        if database.hasPrefix("/") { database.removeFirst() }
        guard !database.contains("/") else { throw .invalidURL("the path must be just the database's name") }
        for item in components.queryItems ?? [] {
            switch (item.name, item.value) {
            case ("sslmode", "disable"): continue
            case ("sslmode", let mode):
                throw .invalidURL("sslmode=\(mode ?? "") is not supported yet (only sslmode=disable: no TLS)")
            case (let name, _):
                throw .invalidURL("the parameter \"\(name)\" is not supported (only sslmode=disable)")
            }
        }
        self.init(
            host: host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host,
            port: port, user: user, password: components.password,
            database: database.isEmpty ? user : database)
    }

    /// The URL without its password: `postgres://USER@HOST:PORT/DATABASE`.
    public var description: String {
        let host = self.host.contains(":") ? "[\(self.host)]" : self.host
        return "postgres://\(Self.encoded(user))@\(host):\(port)/\(Self.encoded(database))"
    }

    /// How errors name the server: `at HOST:PORT, database "DB", user "USER"`.
    var serverDescription: String {
        let host = self.host.contains(":") ? "[\(self.host)]" : self.host
        return "at \(host):\(port), database \"\(database)\", user \"\(user)\""
    }

    private static func encoded(_ part: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return part.addingPercentEncoding(withAllowedCharacters: allowed) ?? part
    }
}
