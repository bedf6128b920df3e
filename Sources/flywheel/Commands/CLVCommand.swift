import ArgumentParser
import FlywheelAnalytics
import FlywheelCore
import FlywheelImport
import Foundation

/// `flywheel clv fit|predict`: predictive customer lifetime value (BG/NBD or Pareto/NBD with Gamma-Gamma).
struct CLVCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clv",
        abstract: "Fit the CLV models to the order history and predict each customer's value.",
        discussion: """
            The history comes from the database (--database, as every command) or straight from an export \
            with --input FILE --input-format cdnow|cdnow-sample|shopify|csv (nothing is stored). A purchase is \
            an order that is not cancelled and not refunded in full; refunds are subtracted from its value; \
            guest orders and orders in other currencies are left out. The models and their definitions: \
            docs/clv.md.

            Examples:
              flywheel clv fit --input CDNOW_sample.txt --input-format cdnow-sample
              flywheel clv fit --model paretonbd --time-unit day --json
              flywheel clv predict --top 50
              flywheel clv predict --horizon 26 --csv > clv.csv
            """,
        subcommands: [Fit.self, Predict.self]
    )

    /// Runs `body`; a problem with the input or the data becomes `error: …` on standard error and exit
    /// status 1 (usage errors stay ArgumentParser's, status 64).
    static func reportingFailures<T>(display: ProgressDisplay, _ body: () async throws -> T) async throws -> T {
        func fail(_ message: String) -> ExitCode {
            display.finish()
            FileHandle.standardError.write(Data("error: \(message)\n".utf8))
            return ExitCode(1)
        }
        do {
            return try await body()
        } catch let error as ImportFileError {
            throw fail(error.message)
        } catch let error as CLVError {
            throw fail(error.description)
        } catch let error as HistoryInputError {
            throw fail(error.description)
        }
    }

    /// `1997-09-30` for a day number.
    static func day(_ number: Int) -> String { CivilDate(daysSinceEpoch: number).description }

    /// A number with `digits` decimals and thousands separators: `-9,582.429`.
    static func fixed(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "n/a" : (value > 0 ? "∞" : "-∞") }
        let text = String(format: "%.\(digits)f", value.magnitude)
        let parts = text.split(separator: ".", maxSplits: 1)
        let whole = Format.count(Int(parts[0]) ?? 0)
        let sign = value < 0 && text.contains(where: { $0 != "0" && $0 != "." }) ? "-" : ""
        return sign + whole + (parts.count > 1 ? ".\(parts[1])" : "")
    }

    /// Major units (a model's money) as minor units of `currency`, rounded; `nil` when not finite or too large.
    static func minorUnits(_ major: Double, _ currency: CurrencyCode) -> Int64? {
        var scale = 1.0
        for _ in 0..<currency.minorUnitDigits { scale *= 10 }
        let value = (major * scale).rounded()
        guard value.isFinite, value.magnitude < 9e17 else { return nil }
        return Int64(value)
    }
}
