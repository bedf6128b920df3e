import ArgumentParser
import FlywheelCore
import FlywheelImport
import FlywheelLoyalty
import Foundation

extension LoyaltyCommand {
    /// `flywheel loyalty import`: switching in from Smile.io, LoyaltyLion or Yotpo (or reading Flywheel's own
    /// export back).
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Bring members, points, tiers and referral codes over from Smile.io, LoyaltyLion or Yotpo.",
            discussion: """
                FILE is the provider's members (customers) export, CSV; --history its points history export. \
                The provider is told from the header, or given with --from. Members are matched to the shop's \
                customers by customer id, else by e-mail; unknown members become customers. Each member's \
                points become ledger entries that say where they came from: the history rows at their own \
                times (earned, spent, expired) and one entry that makes the imported points equal the \
                provider's balance (without --history: one opening lot). Tiers are kept as grants until the \
                programme's tier period ends (--programme); --tier-map maps the provider's tier names to the \
                programme's tier ids. Referral codes are kept, so shared links keep working.

                Every row is checked first: any bad row is reported with file, line, column and reason, and \
                nothing is stored (exit status 3). Importing the same files again changes nothing.

                --from flywheel reads a `flywheel loyalty export` file (JSON Lines) back.

                Examples:
                  flywheel loyalty import customers.csv --history points.csv --from smile \\
                    --programme examples/programmes/seeds-default.json --tier-map 'Gold=gold,Silver=silver'
                  flywheel loyalty import loyaltylion-customers.csv --dry-run
                  flywheel loyalty import export.jsonl --from flywheel --database shop.sqlite
                """)

        @Argument(help: ArgumentHelp("The members export (CSV), or a Flywheel export (JSON Lines).", valueName: "file"))
        var file: String

        @Option(help: ArgumentHelp("The provider: smile, loyaltylion, yotpo or flywheel.", valueName: "provider"))
        var from: LoyaltyProvider?

        @Option(help: ArgumentHelp("The provider's points history export (CSV).", valueName: "file"))
        var history: String?

        @Option(help: ArgumentHelp("The programme file: its tiers and tier period.", valueName: "file"))
        var programme: String?

        @Option(
            name: .customLong("tier-map"),
            help: ArgumentHelp("Provider tier names to programme tier ids: 'Gold=gold,Silver=silver'.", valueName: "map"))
        var tierMap: String?

        @OptionGroup var database: DatabaseOptions

        @Flag(help: "Check and work everything out, store nothing.")
        var dryRun = false

        @Flag(help: "Print the summary as JSON.")
        var json = false

        func validate() throws {
            _ = try parsedTierMap()
            if from == .flywheel, history != nil || tierMap != nil {
                throw ValidationError("--history and --tier-map do not apply to --from flywheel")
            }
        }

        func run() async throws {
            let display = ProgressDisplay()
            do {
                let store = try await database.openStore()
                let settings = try await store.shopSettings() ?? .defaults
                let summary: LoyaltyImportSummary
                if try isFlywheelExport() {
                    summary = try await LoyaltyExportImporter.apply(path: file, to: store, dryRun: dryRun)
                } else {
                    let calendar = settings.calendar
                    let migration = try LoyaltyMigrationReader.read(
                        members: file, history: history, provider: from, calendar: calendar)
                    let now = Date()
                    var options = LoyaltyImportOptions(
                        tierMap: try parsedTierMap(), now: now, calendar: calendar, dryRun: dryRun,
                        progress: { done, total in
                            display.update(
                                fraction: Double(done) / Double(max(total, 1)),
                                "\(Format.count(done)) of \(Format.count(total)) members")
                        })
                    if let programme {
                        let design = try loadProgramme(programme)
                        if let tiers = design.tiers {
                            options.programmeTiers = tiers.tiers.map { ($0.id, $0.name) }
                            options.tierUntil = TierRules(settings: tiers, calendar: calendar).grantEnd(grantedAt: now)
                        }
                    }
                    summary = try await LoyaltyMigrationImporter.apply(migration, to: store, options: options)
                }
                display.finish()
                try report(summary, calendar: settings.calendar)
            } catch let error as LoyaltyImportError {
                display.finish()
                FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
                throw ExitCode(error.fileProblem == nil ? 3 : 1)
            } catch let error as ImportCommandFailure {
                display.finish()
                FileHandle.standardError.write(Data("error: \(error.message)\n".utf8))
                throw ExitCode(1)
            }
        }

        /// `--from flywheel`, or no `--from` and a file that starts with `{`.
        private func isFlywheelExport() throws -> Bool {
            if let from { return from == .flywheel }
            guard let handle = FileHandle(forReadingAtPath: file) else { return false }
            defer { try? handle.close() }
            let start = try handle.read(upToCount: 16) ?? Data()
            return start.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) == UInt8(ascii: "{")
        }

        private func parsedTierMap() throws -> [String: String] {
            guard let tierMap else { return [:] }
            var result: [String: String] = [:]
            for pair in tierMap.split(separator: ",") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                    throw ValidationError("--tier-map: '\(pair)' is not NAME=TIER_ID (e.g. 'Gold=gold,Silver=silver')")
                }
                result[parts[0]] = parts[1]
            }
            return result
        }

        private func loadProgramme(_ path: String) throws -> Programme {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ImportCommandFailure(message: "cannot read the programme file \(path)")
            }
            do {
                return try Programme.load(from: data)
            } catch {
                throw ImportCommandFailure(message: "\(path): \(error.description)")
            }
        }

        private func report(_ summary: LoyaltyImportSummary, calendar: ShopCalendar) throws {
            if json {
                try JSONOutput.print(LoyaltyImportReport(summary))
            } else {
                let matched = "matched by customer id \(summary.matchedByID), by e-mail \(summary.matchedByEmail)"
                var text = """
                    \(summary.dryRun ? "Dry run — nothing stored. Would import" : "Imported") from \
                    \(summary.provider.displayName) (\(file)\(history.map { ", history \($0)" } ?? "")):
                      members          \(Format.count(summary.members)) (\(matched), created \(summary.created))
                      points imported  \(Format.count(Int(summary.pointsImported))) \
                    (\(Format.count(summary.historyRows)) history rows, \(summary.ledgersChanged) ledgers changed)
                      tiers granted    \(summary.tiersGranted)
                      referral codes   \(summary.referralCodes)
                      rows skipped     \(summary.skipped.count)

                    """
                for problem in summary.skipped.prefix(20) { text += "  skipped \(problem)\n" }
                if summary.skipped.count > 20 { text += "  … and \(summary.skipped.count - 20) more\n" }
                FileHandle.standardOutput.write(Data(text.utf8))
            }
        }
    }
}

/// A failure of the loyalty commands with a message for standard error (exit status 1).
struct ImportCommandFailure: Error {
    let message: String
}

/// The import summary as `--json` prints it.
struct LoyaltyImportReport: Encodable {
    struct Skipped: Encodable {
        let file: String
        let line: Int
        let column: String
        let reason: String
    }

    let provider: String
    let dryRun: Bool
    let members: Int
    let matchedByCustomerID: Int
    let matchedByEmail: Int
    let created: Int
    let ledgersChanged: Int
    let pointsImported: Int64
    let historyRows: Int
    let tiersGranted: Int
    let referralCodes: Int
    let skipped: [Skipped]

    init(_ summary: LoyaltyImportSummary) {
        provider = summary.provider.rawValue
        dryRun = summary.dryRun
        members = summary.members
        matchedByCustomerID = summary.matchedByID
        matchedByEmail = summary.matchedByEmail
        created = summary.created
        ledgersChanged = summary.ledgersChanged
        pointsImported = summary.pointsImported
        historyRows = summary.historyRows
        tiersGranted = summary.tiersGranted
        referralCodes = summary.referralCodes
        skipped = summary.skipped.map { Skipped(file: $0.file, line: $0.line, column: $0.column, reason: $0.reason) }
    }

    enum CodingKeys: String, CodingKey {
        case provider, members, created, skipped
        case dryRun = "dry_run", matchedByCustomerID = "matched_by_customer_id", matchedByEmail = "matched_by_email"
        case ledgersChanged = "ledgers_changed", pointsImported = "points_imported", historyRows = "history_rows"
        case tiersGranted = "tiers_granted", referralCodes = "referral_codes"
    }
}
