import FlywheelCore
import FlywheelFlows
import FlywheelMessaging
import Foundation
import OpenAPIRuntime

extension APIHandler {
    func validateFlow(_ input: Operations.ValidateFlow.Input) async throws -> Operations.ValidateFlow.Output {
        guard case .json(let body) = input.body else { throw APIProblem.badRequest("Send JSON.") }
        let data = try Self.flowData(body)
        switch FlowDocument.parse(data, name: "flow", catalogue: catalogue) {
        case .success(let definition):
            return .ok(.init(body: .json(.init(valid: true, flow: "\(definition.id) v\(definition.version)", problems: []))))
        case .failure(let error):
            return .ok(.init(body: .json(.init(valid: false, flow: error.flow == "flow" ? nil : error.flow, problems: error.problems.map(\.api)))))
        }
    }

    func previewFlow(_ input: Operations.PreviewFlow.Input) async throws -> Operations.PreviewFlow.Output {
        guard case .json(let body) = input.body else { throw APIProblem.badRequest("Send JSON.") }
        let data = try Self.flowData(body.flow)
        let flow: FlowDefinition
        switch FlowDocument.parse(data, name: "flow", catalogue: catalogue) {
        case .success(let definition): flow = definition
        case .failure(let error):
            throw APIProblem.invalid(
                error.problems.map { .init(pointer: "/flow" + $0.jsonPointer, detail: $0.description) },
                detail: "The flow has \(error.problems.count) problem\(error.problems.count == 1 ? "" : "s"); nothing was rendered.")
        }
        let settings = try await read { try await store.shopSettings() } ?? .defaults
        let preview = FlowPreview(templates: templates, calendar: settings.calendar, deliveryDays: deliveryDays)
        let result: (locale: ShopLocale, messages: [PreviewMessage])
        do {
            result = try await preview.messages(
                of: flow, customerID: body.customerId, orderID: body.orderId,
                locale: body.locale.flatMap { ShopLocale(rawValue: $0.rawValue) }, store: store,
                shop: MessageContext.Shop(name: settings.name, url: "https://shop.example"),
                defaultLocale: settings.defaultLocale, now: now())
        } catch let error as PreviewError {
            if error.isNotFound { throw APIProblem.notFound(error.description + ".") }
            throw APIProblem.unprocessable(slug: "refused", title: "Refused by a rule", detail: error.description + ".")
        } catch {
            throw APIProblem.storeUnavailable("The store could not be read. Retry later.")
        }
        return .ok(.init(body: .json(.init(
            flow: "\(flow.id) v\(flow.version)",
            locale: result.locale == .de ? .de : .en,
            messages: result.messages.map(\.api)))))
    }

    /// The flow document's JSON, as the client sent it (re-encoded from the generic object).
    static func flowData(_ document: Components.Schemas.FlowDocument) throws(APIProblem) -> Data {
        do {
            return try JSONEncoder().encode(document)
        } catch {
            throw APIProblem.badRequest("The flow is not a JSON object.")
        }
    }
}

extension FlowProblem {
    /// The problem as the API shows it.
    var api: Components.Schemas.FlowProblem {
        .init(step: step, key: key, reason: reason, message: description)
    }

    /// The JSON pointer of the problem's key inside the flow: `steps[3]` and `wait.until_event.timeout` →
    /// `/steps/3/wait/until_event/timeout`; a flow-level `trigger.filters[0].fact` → `/trigger/filters/0/fact`.
    var jsonPointer: String {
        var pointer = ""
        if let step, step.hasPrefix("steps["), let close = step.firstIndex(of: "]") {
            pointer = "/steps/" + step[step.index(step.startIndex, offsetBy: 6)..<close]
        }
        for part in key.split(separator: ".") {
            var rest = part[...]
            while let open = rest.firstIndex(of: "[") {
                if open > rest.startIndex { pointer += "/" + Self.escape(rest[..<open]) }
                guard let close = rest[open...].firstIndex(of: "]") else { break }
                pointer += "/" + rest[rest.index(after: open)..<close]
                rest = rest[rest.index(after: close)...]
            }
            if !rest.isEmpty { pointer += "/" + Self.escape(rest) }
        }
        return pointer
    }

    private static func escape(_ token: Substring) -> String {
        token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }
}

extension PreviewMessage {
    /// The message as the API shows it.
    var api: Components.Schemas.PreviewMessage {
        .init(
            stepIndex: stepIndex, stepId: stepID, channel: channel == .email ? .email : .sms,
            messageClass: .init(rawValue: messageClass.rawValue) ?? .marketing, template: template, locale: locale,
            subject: subject, text: text, html: html)
    }
}
