import FlywheelCore
import Foundation
import Testing

@Suite("Flow routes: validate and preview")
struct FlowRoutesTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples/flows")

    static func example(_ name: String) throws -> String {
        try String(contentsOf: examples.appendingPathComponent("\(name).json"), encoding: .utf8)
    }

    static let bad = """
        {"id": "bad_flow", "name": "Bad", "version": 1, "message_class": "marketing",
         "holdout_percent": 150, "trigger": {"event": "order_delivered"},
         "steps": [
          {"id": "wait_review", "wait": {"until_event": {"event": "review_left", "timeout": "-P1D"}}, "next": "send"},
          {"id": "send", "send_email": {"template": "nope", "subject": {"de": "Hallo", "en": "Hello"}}}
         ]}
        """

    @Test("validate: a library flow is valid; a bad one lists every problem with step and key; read scope suffices")
    func validate() async throws {
        let server = TestServer()
        let winBack = try Self.example("win_back")
        try await server.test { client async throws in
            let good = try await client.send(.post, "/api/v1/flows/validate", key: TestServer.readOnly, json: winBack)
            #expect(good.status == .ok)
            #expect(good.object["valid"] as? Bool == true)
            #expect(good.object["flow"] as? String == "win_back v1")
            #expect((good.object["problems"] as? [Any])?.isEmpty == true)

            let bad = try await client.send(.post, "/api/v1/flows/validate", key: TestServer.readOnly, json: Self.bad)
            #expect(bad.status == .ok)
            #expect(bad.object["valid"] as? Bool == false)
            let problems = try #require(bad.object["problems"] as? [[String: Any]])
            #expect(problems.compactMap { $0["message"] as? String } == [
                "holdout_percent: must be at least 0 and below 100",
                "steps[0] \"wait_review\": wait.until_event.timeout: must be positive",
                "steps[1] \"send\": send_email.template: template \"nope\" has no email version for locale de",
                "steps[1] \"send\": send_email.template: template \"nope\" has no email version for locale en",
            ])
            #expect(problems[1]["step"] as? String == "steps[0] \"wait_review\"")
            #expect(problems[1]["key"] as? String == "wait.until_event.timeout")
            #expect(problems[0]["step"] == nil)

            // Not JSON, or not an object: 400. Without the read scope: 403.
            #expect(try await client.send(.post, "/api/v1/flows/validate", json: "[1, 2]").status == .badRequest)
            #expect(try await client.send(.post, "/api/v1/flows/validate", json: "{").status == .badRequest)
            let ingestOnly = try await client.send(.post, "/api/v1/flows/validate", key: TestServer.ingestOnly, json: winBack)
            #expect(ingestOnly.status == .forbidden)
            #expect(try await client.send(.post, "/api/v1/flows/validate", key: nil, json: winBack).status == .unauthorized)
        }
    }

    @Test("preview: a stored customer's messages in their locale or the one asked for, escaped HTML, named errors")
    func preview() async throws {
        let server = TestServer()
        let orderConfirmation = try Self.example("order_confirmation")
        let checkIn = try Self.example("delivery_check_in")
        try await server.test { client async throws in
            let customer = #"{"id":"c1","email":"j@example.de","first_name":"<b>Jürgen</b>","locale":"de"}"#
            #expect(try await client.send(.post, "/api/v1/customers", json: customer).status == .created)
            #expect(try await client.send(.post, "/api/v1/orders", json: Bodies.order("1001")).status == .created)

            let german = try await client.send(
                .post, "/api/v1/flows/preview", key: TestServer.readOnly,
                json: #"{"flow": \#(orderConfirmation), "customer_id": "c1"}"#)
            #expect(german.status == .ok, "\(german.text)")
            #expect(german.object["flow"] as? String == "order_confirmation v1")
            #expect(german.object["locale"] as? String == "de")
            let message = try #require((german.object["messages"] as? [[String: Any]])?.first)
            #expect(message["step_index"] as? Int == 0)
            #expect(message["step_id"] as? String == "send_confirmation")
            #expect(message["channel"] as? String == "email")
            #expect(message["message_class"] as? String == "transactional")
            #expect(message["template"] as? String == "order_confirmation")
            #expect(message["subject"] as? String == "Danke für Ihre Bestellung")
            let text = try #require(message["text"] as? String)
            #expect(text.hasPrefix("Hallo <b>Jürgen</b>,\n"))
            #expect(text.contains("Ihre Bestellung 1001:\n  2 × Sencha – 19,98 €\n  Summe: 19,98 €"))
            let html = try #require(message["html"] as? String)
            #expect(html.contains("&lt;b&gt;J") && !html.contains("<b>J"))

            let english = try await client.send(
                .post, "/api/v1/flows/preview",
                json: #"{"flow": \#(checkIn), "customer_id": "c1", "order_id": "1001", "locale": "en"}"#)
            #expect(english.status == .ok, "\(english.text)")
            let messages = try #require(english.object["messages"] as? [[String: Any]])
            #expect(messages.compactMap { $0["template"] as? String } == ["delivery_check_in", "make_it_right_ack"])
            #expect(messages.compactMap { $0["message_class"] as? String } == ["marketing", "service"])
            #expect((messages[0]["text"] as? String)?.contains("Your order 1001 should be with you by now.") == true)

            let unknown = try await client.send(
                .post, "/api/v1/flows/preview", json: #"{"flow": \#(orderConfirmation), "customer_id": "nobody"}"#)
            #expect(unknown.status == .notFound)
            #expect(unknown.object["detail"] as? String == "customer nobody: not found.")
            let invalid = try await client.send(
                .post, "/api/v1/flows/preview", json: #"{"flow": \#(Self.bad), "customer_id": "c1"}"#)
            #expect(invalid.status == .unprocessableContent)
            #expect(invalid.pointers == [
                "/flow/holdout_percent", "/flow/steps/0/wait/until_event/timeout",
                "/flow/steps/1/send_email/template", "/flow/steps/1/send_email/template",
            ])
            let unknownField = try await client.send(
                .post, "/api/v1/flows/preview", json: #"{"flow": \#(orderConfirmation), "customer_id": "c1", "x": 1}"#)
            #expect(unknownField.status == .badRequest)
            #expect(try await client.send(.post, "/api/v1/flows/preview", key: TestServer.ingestOnly,
                json: #"{"flow": \#(orderConfirmation), "customer_id": "c1"}"#).status == .forbidden)
        }
    }
}
