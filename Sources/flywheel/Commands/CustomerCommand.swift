import ArgumentParser
import FlywheelCore
import FlywheelLoyalty
import FlywheelServer
import Foundation

/// `flywheel customer`: one customer's rights under the GDPR — a copy of their data, and erasure.
struct CustomerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "customer", abstract: "Export or erase one customer's data (GDPR).",
        discussion: """
            Examples:
              flywheel customer export C-1042 > C-1042.json
              flywheel customer erase C-1042 --yes
            """,
        subcommands: [Export.self, Erase.self])

    /// `flywheel customer export ID`
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Print everything stored about a customer as one JSON document (Art. 15 and 20 GDPR).",
            discussion: """
                The same document as GET /api/v1/customers/{id}/export; docs/consent.md lists its sections. The \
                loyalty ledger (balance, movements, codes, referrals) is read from the database; with the \
                server's programme (--programme) the tier and the codes' status are added, and with its link \
                secret (--link-secret) the customer's personal referral code and link.
                """)

        @Argument(help: "The customer's id (the shop's).")
        var id: String

        @OptionGroup var database: DatabaseOptions

        @Option(help: ArgumentHelp("The loyalty programme file the server runs (default $FLYWHEEL_PROGRAMME).", valueName: "file"))
        var programme: String?

        @Option(help: ArgumentHelp("The server's link secret (default $FLYWHEEL_LINK_SECRET).", valueName: "secret"))
        var linkSecret: String?

        @Option(
            help: ArgumentHelp(
                "The referral links' base (default $FLYWHEEL_REFERRAL_URL, else $FLYWHEEL_PUBLIC_URL).", valueName: "url"))
        var referralURL: String?

        func run() async throws {
            let store = try await database.openStore()
            let now = Date()
            let export = CustomerDataExport(loyalty: try await loyalty(store: store), now: now)
            guard let document = try await export.document(customerID: id, store: store, now: now) else {
                throw CustomerCommand.unknown(id)
            }
            FileHandle.standardOutput.write(document)
            FileHandle.standardOutput.write(Data("\n".utf8))
        }

        /// The programme's service as the server builds it, when a programme is given: the referral codes need
        /// the server's link secret (without one, none are shown, since another secret gives other codes).
        private func loyalty(store: any FlywheelStore) async throws -> LoyaltyService? {
            let environment = ProcessInfo.processInfo.environment
            let given = { (value: String?, key: String) in value ?? environment[key].flatMap { $0.isEmpty ? nil : $0 } }
            guard let path = given(programme, "FLYWHEEL_PROGRAMME") else { return nil }
            var loaded = try ProgrammeFile.load(path)
            let secret = given(linkSecret, "FLYWHEEL_LINK_SECRET")
            if secret == nil { loaded.referral = nil }
            let base = given(referralURL, "FLYWHEEL_REFERRAL_URL") ?? given(nil, "FLYWHEEL_PUBLIC_URL")
            let settings = try await store.shopSettings() ?? .defaults
            return LoyaltyService(
                programme: loaded, store: store, calendar: settings.calendar,
                referralSecret: CustomerLinkSigner(secret: Data((secret ?? "").utf8)).derivedSecret(label: "referral-codes"),
                referralBase: base.flatMap(URL.init(string:)) ?? URL(string: "http://localhost:8080")!)
        }
    }

    /// `flywheel customer erase ID --yes`
    struct Erase: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "erase",
            abstract: "Erase a customer (Art. 17 GDPR): personal data removed, orders kept under a pseudonym.",
            discussion: """
                Removes name, e-mail, birthday, locale, consent and its history, survey comments, review texts, \
                return reasons and tracking numbers, in one transaction. Orders, refunds and scores stay for the \
                books under a pseudonym; the e-mail address stays on the suppression list as a digest only, so a \
                later import of it gets no marketing. This cannot be undone. Without --yes you are asked to type \
                the customer's id.
                """)

        @Argument(help: "The customer's id (the shop's).")
        var id: String

        @Flag(help: "Erase without asking.")
        var yes = false

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            if !yes {
                print("Erase customer \(id)? This cannot be undone. Type the customer's id to confirm: ", terminator: "")
                guard readLine(strippingNewline: true) == id else {
                    throw ValidationError("not erased: the id typed did not match (or pass --yes)")
                }
            }
            let store = try await database.openStore()
            guard let erasure = try await CustomerEraser(store: store).erase(customerID: id, now: Date()) else {
                throw CustomerCommand.unknown(id)
            }
            print("Erased customer \(id); their orders are kept as \(erasure.pseudonym).")
        }
    }

    static func unknown(_ id: String) -> ArgumentParser.ValidationError {
        ValidationError("no customer with the id \(id) in this database")
    }
}
