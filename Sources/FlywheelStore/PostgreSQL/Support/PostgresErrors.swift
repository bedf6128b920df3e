import PostgresNIO

extension PostgresStoreError {
    /// The error to throw for `error`, thrown by PostgresNIO: its server or connection failure in words
    /// (PostgresNIO's own description hides everything). Errors of other kinds pass through unchanged.
    static func translating(_ error: any Error) -> any Error {
        guard let error = error as? PSQLError else { return error }
        if error.code == .server, let info = error.serverInfo {
            return statementFailed(sqlState: info[.sqlState] ?? "?????", message: info[.message] ?? "no message")
        }
        return connectionLost(reason: reason(of: error))
    }

    /// What went wrong with a connection, in words: the server's message (which names no password), or the
    /// network error.
    static func reason(of error: PSQLError) -> String {
        if error.code == .server, let message = error.serverInfo?[.message] { return message }
        if error.code == .authMechanismRequiresPassword {
            return "the server asks for a password and the URL gives none"
        }
        if let underlying = error.underlying { return "\(error.code): \(underlying)" }
        return "\(error.code)"
    }

    /// Whether `error` is a refusal by the server with SQLSTATE `sqlState`.
    static func isServerError(_ error: any Error, sqlState: String) -> Bool {
        (error as? PSQLError)?.serverInfo?[.sqlState] == sqlState
    }
}
