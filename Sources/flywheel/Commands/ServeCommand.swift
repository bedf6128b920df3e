import ArgumentParser
import FlywheelCore
import FlywheelFlows
import FlywheelMessaging
import FlywheelServer
import Foundation
import Hummingbird
import Logging

/// `flywheel serve`: the HTTP API and the Shopify webhook endpoint.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Serve the dashboard, the API and the Shopify webhooks.",
        discussion: """
            Listens on 127.0.0.1:8080 unless told otherwise. The dashboard is at / for admins made with
            `flywheel admin create`. Every route under /api/v1 needs a key made with
            `flywheel keys create`; /health and /openapi.yaml are open. SIGTERM or Ctrl-C stops it gracefully:
            requests in flight finish first.

            Examples:
              flywheel serve
              flywheel serve --port 9000 --shopify-webhook-secret "$SECRET"
              flywheel serve --database postgres://flywheel:secret@127.0.0.1:5432/flywheel
              flywheel serve --flows examples/flows --flow-interval 600
              flywheel serve --smtp "smtp://shop%40example.de:$PASS@mail.example.de:587" --mail-from "Shop <shop@example.de>"
            """)

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0 picks a free one).")
    var port = 8080

    @Option(
        help: ArgumentHelp(
            "Shopify's webhook signing secret.", discussion: "Defaults to $FLYWHEEL_SHOPIFY_WEBHOOK_SECRET.",
            valueName: "secret"))
    var shopifyWebhookSecret: String?

    @Option(
        help: ArgumentHelp(
            "The secret customer links (loyalty page, unsubscribe, preferences) are signed with.",
            discussion: "Defaults to $FLYWHEEL_LINK_SECRET. Without one, links stop working when the server restarts.",
            valueName: "secret"))
    var linkSecret: String?

    @Option(
        help: ArgumentHelp(
            "The address customers reach this server at; links in messages are built on it.",
            discussion: "Defaults to $FLYWHEEL_PUBLIC_URL, else http://HOST:PORT.", valueName: "url"))
    var publicURL: String?

    @Option(
        help: ArgumentHelp(
            "A loyalty programme file (JSON, see examples/programmes/): points are earned as orders arrive.",
            discussion: "Defaults to $FLYWHEEL_PROGRAMME. Without one the loyalty routes answer 404.",
            valueName: "file"))
    var programme: String?

    @Option(
        help: ArgumentHelp(
            "Where customers' referral links point (the shop's storefront); ?ref=CODE is added.",
            discussion: "Defaults to the public URL.", valueName: "url"))
    var referralURL: String?

    @Option(help: "Seconds between the loyalty programme's runs (pending points released, expiry, retries).")
    var loyaltyInterval: Int64 = 300

    @Option(
        help: ArgumentHelp(
            "A folder of flow files (JSON, see examples/flows/) to switch on.",
            discussion: """
                Defaults to $FLYWHEEL_FLOWS. Every file is checked against the templates (--templates) first, as \
                `flywheel flows validate` does; a broken file stops the start, naming the file and the step.
                """,
            valueName: "dir"))
    var flows: String?

    @Option(help: "Seconds between the flows' sweeps (birthdays, lapses, expected deliveries, missed events).")
    var flowInterval: Int64 = 3_600

    @Option(help: "Seconds between the short checks for abandoned carts (a reminder goes within about this much of its time).")
    var cartInterval: Int64 = 30

    @Option(
        help: ArgumentHelp(
            "Flow scheduler loops run side by side (each works its own batch of due steps).",
            discussion: "Two keep both of a small machine's cores busy when many steps fall due at once (1 to 16)."))
    var schedulerLoops: Int = 2

    @Flag(
        help: ArgumentHelp(
            "The checkout meets the German existing-customer exemption (§7(3) UWG).",
            discussion: """
                Set it only when every address came with a sale and the customer was told there, clearly, that                 they may object to advertising at any time at no extra cost. Then marketing e-mail about the                 shop's own similar goods (flows marked own_similar_goods) reaches buyers without opt-in, always                 with the opt-out notice. Defaults to $FLYWHEEL_EXISTING_CUSTOMER_EXEMPTION=1; off otherwise.
                """))
    var existingCustomerExemption = false

    @Option(
        help: ArgumentHelp(
            "The shop's usual delivery time in working days (Mon–Fri in the shop's time zone), e.g. 2-4.",
            discussion: """
                Order messages restate a window counted from the order's time (\"zwischen Di, 3. und Do, 5. März\") \
                when no shipment has promised a date yet; a promise wins. Defaults to $FLYWHEEL_DELIVERY_DAYS; none \
                otherwise.
                """,
            valueName: "days"))
    var deliveryDays: String?

    @Flag(help: "Mark the dashboard's cookies Secure (when users reach it over HTTPS, e.g. behind a TLS proxy).")
    var secureCookies = false

    @Flag(help: "Serve only the API and webhooks, not the dashboard.")
    var noDashboard = false

    @Option(help: "The least important log messages shown: trace, debug, info, notice, warning, error.")
    var logLevel: String = "info"

    @Option(
        help: ArgumentHelp(
            "The shop's own message templates, overriding the shipped ones file by file (flow checks and previews).",
            valueName: "dir"))
    var templates: String?

    /// For end-to-end tests only, hidden from the help: docs/flows.md, "End to end".
    @Option(
        help: ArgumentHelp(
            "For tests only: a file holding the instant (ISO 8601) or offset (+SECONDS) the server takes for now.",
            discussion: "Defaults to $FLYWHEEL_CLOCK_FILE. Read again every 100 ms; the server refuses to start if unreadable.",
            valueName: "file", visibility: .hidden))
    var clockFile: String?

    @OptionGroup var database: DatabaseOptions

    @OptionGroup(title: "Delivery") var delivery: DeliveryOptions

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        if let publicURL, URL(string: publicURL)?.scheme.map({ ["http", "https"].contains($0) }) != true {
            throw ValidationError("--public-url must be an http or https address, e.g. https://shop.example")
        }
        if let referralURL, URL(string: referralURL)?.scheme.map({ ["http", "https"].contains($0) }) != true {
            throw ValidationError("--referral-url must be an http or https address, e.g. https://shop.example/")
        }
        guard loyaltyInterval >= 1 else { throw ValidationError("--loyalty-interval must be at least 1 second") }
        guard flowInterval >= 1 else { throw ValidationError("--flow-interval must be at least 1 second") }
        guard cartInterval >= 1 else { throw ValidationError("--cart-interval must be at least 1 second") }
        guard (1...16).contains(schedulerLoops) else { throw ValidationError("--scheduler-loops must be between 1 and 16") }
        if let deliveryDays, DeliveryDays(parsing: deliveryDays) == nil {
            throw ValidationError("--delivery-days must be working days like 3 or 2-4 (1 to 60, the first not after the last)")
        }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error")
        }
    }

    func run() async throws {
        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "flywheel")
        let clock = try Self.clock(clockFile ?? ProcessInfo.processInfo.environment["FLYWHEEL_CLOCK_FILE"], logger: logger)
        let secret = shopifyWebhookSecret
            ?? ProcessInfo.processInfo.environment["FLYWHEEL_SHOPIFY_WEBHOOK_SECRET"].flatMap { $0.isEmpty ? nil : $0 }
        let environment = ProcessInfo.processInfo.environment
        let linkSecret = linkSecret ?? environment["FLYWHEEL_LINK_SECRET"].flatMap { $0.isEmpty ? nil : $0 }
        let publicURL = (publicURL ?? environment["FLYWHEEL_PUBLIC_URL"]).flatMap(URL.init(string:))
        let programmePath = programme ?? environment["FLYWHEEL_PROGRAMME"].flatMap { $0.isEmpty ? nil : $0 }
        let loaded = try programmePath.map(ProgrammeFile.load)
        let flowsPath = flows ?? environment["FLYWHEEL_FLOWS"].flatMap { $0.isEmpty ? nil : $0 }
        let flowLibrary = try Self.flowLibrary(flowsPath, templates: templates)
        let opened = try await database.openServing(logger: logger)
        var configuration = ServerConfiguration(
            host: host, port: port, shopifyWebhookSecret: secret, dashboard: !noDashboard, secureCookies: secureCookies,
            linkSecret: linkSecret, publicURL: publicURL, templatesDirectory: templates,
            referralURL: referralURL.flatMap(URL.init(string:)),
            loyaltyIntervalSeconds: loyaltyInterval, flowIntervalSeconds: flowInterval,
            delivery: try delivery.configuration(environment: environment))
        configuration.cartIntervalSeconds = cartInterval
        configuration.schedulerLoops = schedulerLoops
        configuration.existingCustomerExemption =
            existingCustomerExemption || environment["FLYWHEEL_EXISTING_CUSTOMER_EXEMPTION"] == "1"
        if let days = deliveryDays ?? environment["FLYWHEEL_DELIVERY_DAYS"].flatMap({ $0.isEmpty ? nil : $0 }) {
            guard let parsed = DeliveryDays(parsing: days) else {
                throw ValidationError("FLYWHEEL_DELIVERY_DAYS must be working days like 3 or 2-4, not \(days)")
            }
            configuration.deliveryDays = parsed
        }
        let app = try await FlywheelServer.buildApplication(
            store: opened.store, configuration: configuration, logger: logger, services: opened.services,
            programme: loaded, flows: flowLibrary?.library
        ) { port in
            print("Flywheel is listening on http://\(host):\(port) (database: \(opened.description))")
            if let loaded { print("Loyalty programme: \(loaded.name) (\(loaded.id) v\(loaded.version))") }
            if let flowLibrary {
                print("Flows: \(flowLibrary.flows.map { "\($0.id) v\($0.version)" }.joined(separator: ", "))")
            }
            if secret == nil { print("Shopify webhooks are off: pass --shopify-webhook-secret to receive them.") }
            if linkSecret == nil {
                print("Customer links are signed with a key for this run only: set --link-secret to keep them valid.")
            }
            fflush(nil)
        } now: {
            clock.now()
        }
        try await app.runService()
    }

    /// The server's clock: the system's, or for tests the clock file's (`path`; empty: none), announced as a
    /// warning. An unusable file stops the start.
    static func clock(_ path: String?, logger: Logger) throws -> ServerClock {
        guard let path, !path.isEmpty else { return .system }
        let clock: ServerClock
        do {
            clock = try ServerClock(testFile: path, logger: logger)
        } catch let error as ServerClock.FileError {
            throw ValidationError("--clock-file: \(error)")
        }
        logger.warning("test clock in use: now is read from \(path) (now: \(clock.now().formatted(.iso8601)))")
        return clock
    }

    /// The flows of `folder` (nil: none) checked against the shipped templates overridden by `templates`; a
    /// problem stops the start with every problem named by file and step.
    static func flowLibrary(_ folder: String?, templates: String?) throws -> (library: FlowLibrary, flows: [FlowDefinition])? {
        guard let folder else { return nil }
        do {
            return try FlowFiles.library([folder], catalogue: TemplateCatalogue(try FlowsCommand.templates(templates)))
        } catch let failure as CommandFailure {
            throw CommandFailure.report(failure)
        }
    }
}
