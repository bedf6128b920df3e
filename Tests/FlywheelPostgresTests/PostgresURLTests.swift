import FlywheelStore
import Testing

/// Parsing `postgres://` URLs, and never showing their password.
@Suite("PostgreSQL URL")
struct PostgresURLTests {
    @Test("every part is read, percent-encoded user and password too")
    func parsesEveryPart() throws {
        let url = try PostgresURL(parsing: "postgres://shop%40owner:p%40ss%3Aw%2Frd@db.example.com:6543/flywheel_prod")
        #expect(
            url
                == PostgresURL(
                    host: "db.example.com", port: 6543, user: "shop@owner", password: "p@ss:w/rd",
                    database: "flywheel_prod"))
    }

    @Test("the port defaults to 5432 and the database to the user; postgresql:// and sslmode=disable are fine")
    func defaults() throws {
        let url = try PostgresURL(parsing: "postgresql://flywheel@127.0.0.1?sslmode=disable")
        #expect(
            url == PostgresURL(host: "127.0.0.1", port: 5432, user: "flywheel", password: nil, database: "flywheel"))
        let ipv6 = try PostgresURL(parsing: "postgres://u:pw@[::1]:5433/shop")
        #expect(ipv6.host == "::1" && ipv6.port == 5433 && ipv6.database == "shop")
        #expect(ipv6.description == "postgres://u@[::1]:5433/shop")
    }

    @Test(
        "unusable URLs are refused with the reason, never the password",
        arguments: [
            ("mysql://u:Secr3tPw@host/db", "postgres://"),
            ("postgres://u:Secr3tPw@/db", "no host"),
            ("postgres://:Secr3tPw@host/db", "no user"),
            ("postgres://u:Secr3tPw@host/db/extra", "database's name"),
            ("postgres://u:Secr3tPw@host/db?sslmode=require", "sslmode=require is not supported"),
            ("postgres://u:Secr3tPw@host/db?search_path=x", "\"search_path\" is not supported"),
            ("not a url at all Secr3tPw", "postgres://"),
        ])
    func refusesUnusableURLs(text: String, reason: String) {
        let error = #expect(throws: PostgresStoreError.self) { try PostgresURL(parsing: text) }
        let message = error.map(String.init(describing:)) ?? ""
        #expect(message.contains(reason), "\(message)")
        #expect(!message.contains("Secr3tPw"))
    }

    @Test("the description shows everything but the password")
    func descriptionHidesPassword() throws {
        let url = try PostgresURL(parsing: "postgres://flywheel:Secr3tPw@db.internal:5432/shop")
        #expect(url.description == "postgres://flywheel@db.internal:5432/shop")
        #expect(!"\(url)".contains("Secr3tPw"))
    }
}
