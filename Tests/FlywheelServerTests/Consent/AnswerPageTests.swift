import FlywheelCore
import FlywheelServer
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Answer links (/c/answer: the delivery check-in's yes / no)")
struct AnswerPageTests {
    @Test("GET shows the signed answer with a button in the customer's language and passes nothing on")
    func showOnly() async throws {
        let server = ConsentTestServer()
        let no = ConsentTestServer.target(server.links.answer(customer: "c-de", orderID: "o-17", answer: "no", now: server.now))
        let yes = ConsentTestServer.target(server.links.answer(customer: "c-en", orderID: "o-18", answer: "yes", now: server.now))
        try await server.test { client in
            let de = try await client.page(.get, no)
            #expect(de.status == .ok)
            #expect(de.text.contains("<html lang=\"de\">") && de.text.contains("Nein, da stimmt etwas nicht."))
            #expect(de.text.contains("<button type=\"submit\">Antwort senden</button>"))
            #expect(de.headers[.cacheControl] == "no-store")
            let en = try await client.page(.get, yes)
            #expect(en.text.contains("<html lang=\"en\">") && en.text.contains("Yes, everything arrived well."))
        }
        #expect(server.answers.answers.isEmpty)
    }

    @Test("the button's POST with the form token passes the signed answer and order on once, and thanks in the language")
    func answer() async throws {
        let server = ConsentTestServer()
        let target = ConsentTestServer.target(server.links.answer(customer: "c-de", orderID: "o-17", answer: "no", now: server.now))
        try await server.test { client in
            let page = try await client.page(.get, target)
            let token = try #require(page.formToken)
            #expect(try await client.page(.post, target, form: "").status == .badRequest)
            #expect(try await client.page(.post, target, form: "csrf=forged").status == .badRequest)
            #expect(server.answers.answers.isEmpty)
            let done = try await client.page(.post, target, form: "csrf=\(token)")
            #expect(done.status == .ok && done.text.contains("bringen es in Ordnung"))
        }
        let answers = server.answers.answers
        #expect(answers.count == 1)
        #expect(answers.first?.customerID == "c-de" && answers.first?.answer == MessageAnswer(orderID: "o-17", answer: "no"))
        #expect(answers.first?.at == server.now)
    }

    @Test("a forged, altered, expired or other-purpose link gets the neutral page")
    func refused() async throws {
        let server = ConsentTestServer()
        let good = server.links.answer(customer: "c-en", orderID: "o-1", answer: "yes", now: server.now)
        let old = server.links.answer(customer: "c-en", orderID: "o-1", answer: "yes", now: server.now - CustomerLinkURLs.answerLifetime - 1)
        let unsubscribe = server.links.unsubscribe(customer: "c-en", channel: .email, now: server.now)
        let token = try #require(URLComponents(url: good, resolvingAgainstBaseURL: false)?.queryItems?.first?.value)
        let otherPurpose = try #require(URLComponents(url: unsubscribe, resolvingAgainstBaseURL: false)?.queryItems?.first?.value)
        try await server.test { client in
            let expired = try await client.page(.get, ConsentTestServer.target(old))
            #expect(expired.status == .gone)
            let altered = try await client.page(.get, "/c/answer?t=" + token.dropLast(2) + "xx")
            #expect(altered.status == .badRequest)
            let wrongPurpose = try await client.page(.get, "/c/answer?t=" + otherPurpose)
            #expect(wrongPurpose.status == .badRequest)
            let none = try await client.page(.get, "/c/answer")
            #expect(none.status == .badRequest)
        }
        #expect(server.answers.answers.isEmpty)
    }

    @Test("the answer and order survive the link's encoding; odd answers are not links")
    func detail() {
        let answer = MessageAnswer(orderID: "#1001 & co/ü", answer: "no")
        #expect(MessageAnswer(linkDetail: answer.linkDetail) == answer)
        #expect(MessageAnswer(linkDetail: MessageAnswer(orderID: nil, answer: "yes").linkDetail) == MessageAnswer(orderID: nil, answer: "yes"))
        #expect(MessageAnswer(linkDetail: "a=<script>") == nil)
        #expect(MessageAnswer(linkDetail: "o=1") == nil)
    }
}
