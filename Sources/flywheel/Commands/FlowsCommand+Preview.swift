import ArgumentParser
import FlywheelCore
import FlywheelFlows
import FlywheelMessaging
import Foundation

extension FlowsCommand {
    /// `flywheel flows preview FILE --customer ID`: renders each message of a flow for one customer.
    struct Preview: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "preview",
            abstract: "Render each message of a flow for a customer (or a sample one).",
            discussion: """
                Renders every send step of the flow in file order – both sides of a condition, every split \
                variant – for the customer --customer ID from the database: their first name and language, their \
                last order (or --order ID) with its lines, total and delivery window (a shipment's promise, else \
                --delivery-days counted from the order's time, as a real send). --sample uses a made-up \
                customer instead, so every part of every template shows. Coupons and points given by earlier \
                steps appear in later messages. The language is --locale, else the customer's, else the \
                shop's; the flow must have it. Links point to the shop's placeholder address (real messages get \
                signed links).

                For each message it prints the step, channel, message class and template, then the subject and \
                the text. --format html prints the HTML bodies instead (each after a comment naming its step), \
                or with --output DIR writes one file per message, NN-STEP.html.

                Examples:
                  flywheel flows preview examples/flows/order_confirmation.json --customer 12345
                  flywheel flows preview examples/flows/win_back.json --sample --locale en
                  flywheel flows preview review_request.json --customer 12345 --format html --output preview/
                """)

        @Argument(help: ArgumentHelp("The flow file.", valueName: "file"))
        var file: String

        @Option(help: ArgumentHelp("The customer's id (the shop's own).", valueName: "id"))
        var customer: String?

        @Flag(help: "Use a made-up customer instead of one from the database.")
        var sample = false

        @Option(help: ArgumentHelp("The order the messages are about (default: the customer's last).", valueName: "id"))
        var order: String?

        @Option(help: ArgumentHelp("Language: de or en (default: the customer's, else the shop's).", valueName: "locale"))
        var locale: String?

        @OptionGroup var database: DatabaseOptions

        @Option(help: ArgumentHelp("text (subject and text bodies) or html (the HTML bodies).", valueName: "format"))
        var format: PreviewFormat = .text

        @Option(help: ArgumentHelp("With --format html: write one file per message into this folder.", valueName: "dir"))
        var output: String?

        @Option(help: ArgumentHelp("The shop's own templates, overriding the shipped ones.", valueName: "dir"))
        var templates: String?

        @Option(
            help: ArgumentHelp(
                "The shop's usual delivery time in working days, e.g. 2-4 (as flywheel serve --delivery-days).",
                discussion: """
                    An order no shipment promised a date for shows the window a real send restates, counted from \
                    the order's time (--sample: from now). Defaults to $FLYWHEEL_DELIVERY_DAYS; none otherwise.
                    """, valueName: "days"))
        var deliveryDays: String?

        func validate() throws {
            if sample == (customer != nil) { throw ValidationError("give --customer ID or --sample (one of them)") }
            if sample && order != nil { throw ValidationError("--order needs --customer, not --sample") }
            if let locale, ShopLocale(tag: locale) == nil { throw ValidationError("--locale: '\(locale)' is not de or en") }
            if output != nil && format != .html { throw ValidationError("--output needs --format html") }
            if let deliveryDays, DeliveryDays(parsing: deliveryDays) == nil {
                throw ValidationError("--delivery-days must be working days like 3 or 2-4 (1 to 60, the first not after the last)")
            }
        }

        /// `--delivery-days`, else `$FLYWHEEL_DELIVERY_DAYS`, else none.
        private func shopDeliveryDays() throws -> DeliveryDays? {
            let environment = ProcessInfo.processInfo.environment["FLYWHEEL_DELIVERY_DAYS"].flatMap { $0.isEmpty ? nil : $0 }
            guard let days = deliveryDays ?? environment else { return nil }
            guard let parsed = DeliveryDays(parsing: days) else {
                throw ValidationError("FLYWHEEL_DELIVERY_DAYS must be working days like 3 or 2-4, not \(days)")
            }
            return parsed
        }

        func run() async throws {
            do {
                try await preview()
            } catch let failure as CommandFailure {
                throw CommandFailure.report(failure)
            } catch let error as PreviewError {
                throw CommandFailure.report(CommandFailure(error.description))
            }
        }

        private func preview() async throws {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CommandFailure("\(file): cannot be read")
            }
            let templates = try FlowsCommand.templates(templates)
            let flow: FlowDefinition
            switch FlowDocument.parse(
                data, name: URL(fileURLWithPath: file).lastPathComponent, catalogue: TemplateCatalogue(templates))
            {
            case .success(let definition): flow = definition
            case .failure(let error):
                throw CommandFailure(
                    "\(file) is not a valid flow:\n" + error.problems.map { "  \($0.description)" }.joined(separator: "\n"))
            }
            let requested = locale.flatMap(ShopLocale.init(tag:))
            let deliveryDays = try shopDeliveryDays()
            let now = Date()
            let result: (locale: ShopLocale, messages: [PreviewMessage])
            let who: String
            if let customer {
                let location = database.location()
                if !DatabaseOptions.isPostgres(location) && !FileManager.default.fileExists(atPath: location) {
                    throw CommandFailure("database \(location): no such file (give --database PATH)")
                }
                let store = try await database.openStore()
                let settings = try await store.shopSettings() ?? .defaults
                let preview = FlowPreview(templates: templates, calendar: settings.calendar, deliveryDays: deliveryDays)
                result = try await preview.messages(
                    of: flow, customerID: customer, orderID: order, locale: requested, store: store,
                    shop: Self.shop(settings), defaultLocale: settings.defaultLocale, now: now)
                who = "customer \(customer)"
            } else {
                let settings = ShopSettings.defaults
                let preview = FlowPreview(templates: templates, calendar: settings.calendar, deliveryDays: deliveryDays)
                result = try preview.sampleMessages(of: flow, locale: requested, shop: Self.shop(settings), now: now)
                who = "a sample customer"
            }
            try print(result.messages, flow: flow, who: who, locale: result.locale)
        }

        /// The shop as the messages show it: its name; a placeholder address for links.
        static func shop(_ settings: ShopSettings) -> MessageContext.Shop {
            MessageContext.Shop(name: settings.name, url: "https://shop.example")
        }

        private func print(_ messages: [PreviewMessage], flow: FlowDefinition, who: String, locale: ShopLocale) throws {
            var out = ""
            let heading = "flow \(flow.id) v\(flow.version) \"\(flow.name)\" for \(who), locale \(locale.rawValue): "
                + "\(messages.count) message\(messages.count == 1 ? "" : "s")"
            switch format {
            case .text:
                out += heading + "\n"
                for message in messages {
                    out += "\n── \(Self.label(message))\n"
                    if let subject = message.subject { out += "Subject: \(subject)\n" }
                    out += "\n" + message.text
                }
            case .html:
                if let output {
                    try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
                    out += heading + "\n"
                    for message in messages {
                        guard let html = message.html else {
                            out += "\(Self.label(message)): no HTML (\(message.channel.rawValue))\n"
                            continue
                        }
                        let name = (message.stepIndex < 10 ? "0" : "") + "\(message.stepIndex)-\(message.stepID).html"
                        let path = URL(fileURLWithPath: output).appendingPathComponent(name)
                        try Data(html.utf8).write(to: path)
                        out += "\(Self.label(message)): \(path.relativePath)\n"
                    }
                } else {
                    for message in messages {
                        out += "<!-- \(Self.label(message).replacingOccurrences(of: "--", with: "- -")) -->\n"
                        out += message.html ?? "<!-- no HTML (\(message.channel.rawValue)) -->\n"
                    }
                }
            }
            FileHandle.standardOutput.write(Data(out.utf8))
        }

        /// `steps[0] "send_confirmation" · email · transactional · template order_confirmation (de)`.
        static func label(_ message: PreviewMessage) -> String {
            "steps[\(message.stepIndex)] \"\(message.stepID)\" · \(message.channel.rawValue) · "
                + "\(message.messageClass.rawValue) · template \(message.template) (\(message.locale))"
        }
    }
}
