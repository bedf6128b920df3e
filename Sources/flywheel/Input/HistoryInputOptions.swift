import ArgumentParser
import FlywheelCore
import FlywheelImport
import Foundation

/// Where a command reads order history from — `--input FILE --input-format FORMAT` (straight from an
/// export, no database), else the database — and the shop's currency and time zone to read it in. Shared
/// by the commands that analyse history (`clv`, `report`).
struct HistoryInputOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Read order history from this file instead of the database (nothing is stored).", valueName: "file"))
    var input: String?

    @Option(
        help: ArgumentHelp("The --input file's layout.", valueName: "format"))
    var inputFormat: ImportFormat?

    @Option(
        help: ArgumentHelp(
            "The currency to analyse; orders in others are left out.",
            discussion: """
                Default: the orders' currency when they all have one, else the shop's. For --input also the \
                currency of amounts the file does not name (CDNOW: USD, else the shop's).
                """, valueName: "code"))
    var currency: String?

    @Option(
        help: ArgumentHelp(
            "The shop's IANA time zone, e.g. Europe/Berlin: it decides which day an order falls on.",
            discussion:
                "Default: the database's shop settings; for --input, \(ShopSettings.defaults.timeZoneIdentifier).",
            valueName: "zone"))
    var timeZone: String?

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if input != nil && inputFormat == nil {
            let formats = ImportFormat.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("--input needs --input-format (\(formats))")
        }
        if input == nil && inputFormat != nil { throw ValidationError("--input-format needs --input FILE") }
        if input != nil && database.database != nil {
            throw ValidationError("give either --input FILE or --database PATH, not both")
        }
        if let currency, CurrencyCode(currency.uppercased()) == nil {
            throw ValidationError("--currency: '\(currency)' is not an ISO 4217 currency code such as EUR or USD")
        }
        if let timeZone, TimeZone(identifier: timeZone) == nil {
            throw ValidationError("--time-zone: '\(timeZone)' is not an IANA time zone such as Europe/Berlin or UTC")
        }
    }

    /// The currency asked for with `--currency`.
    var requestedCurrency: CurrencyCode? { currency.flatMap { CurrencyCode($0.uppercased()) } }

    /// Opens the source: checks that the file or database is there and reads the shop's settings.
    func open() async throws -> HistoryInput {
        if let input, let inputFormat {
            var settings = ShopSettings.defaults
            if let timeZone { settings.timeZoneIdentifier = timeZone }
            settings.currency = requestedCurrency ?? inputFormat.defaultCurrency(shop: settings)
            return HistoryInput(
                source: .file(path: input, format: inputFormat), settings: settings, currency: requestedCurrency)
        }
        let location = database.location()
        if !DatabaseOptions.isPostgres(location) && !FileManager.default.fileExists(atPath: location) {
            throw HistoryInputError(
                "there is no database at \(location): import order history first (flywheel import FILE --format F)"
                    + " or read a file with --input FILE --input-format F")
        }
        let store = try await database.openStore()
        var settings = try await store.shopSettings() ?? .defaults
        if let timeZone { settings.timeZoneIdentifier = timeZone }
        if let requestedCurrency { settings.currency = requestedCurrency }
        return HistoryInput(
            source: .database(store, location: database.displayLocation()), settings: settings,
            currency: requestedCurrency)
    }
}
