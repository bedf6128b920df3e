import ArgumentParser
import FlywheelMessaging
import FlywheelServer
import Foundation

/// `flywheel serve`'s outbox delivery: the mail server, the From, the SMS gateway and the number of workers.
/// Flags > environment (`FLYWHEEL_SMTP`, `FLYWHEEL_MAIL_FROM`, `FLYWHEEL_SMS_GATEWAY`, `FLYWHEEL_SMS_HEADER`,
/// `FLYWHEEL_SMS_BODY_TEMPLATE`, `FLYWHEEL_SMS_FROM`, `FLYWHEEL_DELIVERY_WORKERS`) > defaults.
struct DeliveryOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The mail server: smtp://USER:PASSWORD@HOST:PORT?tls=starttls|implicit|none (smtps:// for implicit TLS).",
            discussion: """
                Defaults to $FLYWHEEL_SMTP. Percent-encode special characters of the user and password (@ as %40). \
                Other parameters: ca=FILE (trust this PEM instead of the system's roots), server_name=NAME, \
                insecure_auth=true (AUTH without TLS, for a local relay), ehlo=NAME. Without a mail server, \
                e-mail messages stay queued.
                """, valueName: "url"))
    var smtp: String?

    @Option(
        help: ArgumentHelp(
            "The From of every e-mail, e.g. \"Berg & Tal <hallo@berg-tal.example>\" (required with --smtp).",
            discussion: "Defaults to $FLYWHEEL_MAIL_FROM. Its domain names Message-IDs.", valueName: "mailbox"))
    var mailFrom: String?

    @Option(
        help: ArgumentHelp(
            "The SMS gateway's URL; each SMS is POSTed to it.",
            discussion: "Defaults to $FLYWHEEL_SMS_GATEWAY. Without a gateway, SMS stay queued.", valueName: "url"))
    var smsGateway: String?

    @Option(
        help: ArgumentHelp(
            "A header sent to the SMS gateway, e.g. \"Authorization: Bearer KEY\" (repeatable).",
            discussion: "Defaults to $FLYWHEEL_SMS_HEADER (one header). Values are never printed.",
            valueName: "name: value"))
    var smsHeader: [String] = []

    @Option(
        help: ArgumentHelp(
            "The SMS gateway's request body, a Mustache template over {{to}}, {{from}}, {{text}} and {{key}}.",
            discussion: """
                Defaults to $FLYWHEEL_SMS_BODY_TEMPLATE, else \
                {"to":"{{to}}","from":"{{from}}","text":"{{text}}","reference":"{{key}}"}.
                """, valueName: "template"))
    var smsBodyTemplate: String?

    @Option(help: "The SMS body's format: json or form (values are escaped for it).")
    var smsBodyFormat: String = "json"

    @Option(help: ArgumentHelp("The SMS sender name or number ({{from}}).", discussion: "Defaults to $FLYWHEEL_SMS_FROM."))
    var smsFrom: String?

    @Option(
        help: ArgumentHelp(
            "Outbox delivery workers in this process (0: deliver nothing here, another instance does).",
            discussion: "Defaults to $FLYWHEEL_DELIVERY_WORKERS, else 1."))
    var deliveryWorkers: Int?

    func validate() throws {
        _ = try configuration(environment: ProcessInfo.processInfo.environment)
    }

    /// The delivery configuration from flags, then `environment`; a `ValidationError` names what is wrong.
    func configuration(environment: [String: String]) throws -> DeliveryConfiguration {
        func value(_ flag: String?, _ name: String) -> String? {
            flag ?? environment[name].flatMap { $0.isEmpty ? nil : $0 }
        }
        var delivery = DeliveryConfiguration()
        if let smtp = value(smtp, "FLYWHEEL_SMTP") {
            do {
                delivery.smtp = try SMTPURL(parsing: smtp)
            } catch {
                throw ValidationError("--smtp: \(error)")
            }
        }
        if let from = value(mailFrom, "FLYWHEEL_MAIL_FROM") {
            do {
                delivery.mailFrom = try MailAddress(parsing: from)
            } catch {
                throw ValidationError("--mail-from: \(error)")
            }
        }
        if delivery.smtp != nil && delivery.mailFrom == nil {
            throw ValidationError("--smtp needs --mail-from (the From of every e-mail, e.g. \"Shop <hallo@shop.example>\")")
        }
        if let url = value(smsGateway, "FLYWHEEL_SMS_GATEWAY") {
            guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""),
                parsed.host != nil
            else { throw ValidationError("--sms-gateway must be an http or https URL") }
            guard let format = SMSGatewayConfiguration.BodyFormat(rawValue: smsBodyFormat) else {
                throw ValidationError("--sms-body-format must be json or form")
            }
            var headers: [String: String] = [:]
            let given = smsHeader.isEmpty ? environment["FLYWHEEL_SMS_HEADER"].map { [$0] } ?? [] : smsHeader
            for header in given where !header.isEmpty {
                guard let colon = header.firstIndex(of: ":"), header.startIndex != colon else {
                    throw ValidationError("--sms-header must look like \"Name: value\"")
                }
                headers[String(header[..<colon]).trimmingCharacters(in: .whitespaces)] =
                    header[header.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
            var gateway = SMSGatewayConfiguration(url: url, headers: headers, bodyFormat: format, sender: value(smsFrom, "FLYWHEEL_SMS_FROM") ?? "")
            if let template = value(smsBodyTemplate, "FLYWHEEL_SMS_BODY_TEMPLATE") { gateway.bodyTemplate = template }
            do {
                _ = try SMSGateway(configuration: gateway)  // the template parses
            } catch {
                throw ValidationError("--sms-body-template: \(error)")
            }
            delivery.smsGateway = gateway
        }
        let workers = try deliveryWorkers ?? environment["FLYWHEEL_DELIVERY_WORKERS"].flatMap { text in
            guard !text.isEmpty else { return nil }
            guard let number = Int(text) else { throw ValidationError("FLYWHEEL_DELIVERY_WORKERS must be a number") }
            return number
        } ?? 1
        guard (0...64).contains(workers) else { throw ValidationError("--delivery-workers must be between 0 and 64") }
        delivery.workers = workers
        return delivery
    }
}
