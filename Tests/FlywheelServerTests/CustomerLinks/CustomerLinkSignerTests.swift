import Foundation
import Testing

@testable import FlywheelServer

@Suite("Customer links")
struct CustomerLinkSignerTests {
    let signer = CustomerLinkSigner(secret: Data("a test secret that is long enough to be a key".utf8))
    let now = Date(timeIntervalSince1970: 1_790_000_000)

    @Test("a link's token verifies for its purpose until it expires")
    func roundTrip() throws {
        let link = CustomerLink(purpose: .loyalty, customer: "c-1 ü", expiresAt: now.addingTimeInterval(3600), detail: "x")
        let token = signer.token(for: link)
        #expect(try signer.verify(token, purpose: .loyalty, now: now).get() == link)
        #expect(signer.verify(token, purpose: .loyalty, now: now.addingTimeInterval(3600)) == .failure(.expired))
        #expect(signer.verify(token, purpose: .unsubscribe, now: now) == .failure(.wrongPurpose))
    }

    @Test("tampered, foreign and malformed tokens are refused")
    func forgeries() {
        let link = CustomerLink(purpose: .unsubscribe, customer: "c-1", expiresAt: now.addingTimeInterval(60), detail: "email")
        let token = signer.token(for: link)
        let other = CustomerLinkSigner(secret: Data("another secret".utf8))
        #expect(other.verify(token, purpose: .unsubscribe, now: now) == .failure(.badSignature))
        // The same signature over another customer's claim.
        let forged = CustomerLink(purpose: .unsubscribe, customer: "c-2", expiresAt: link.expiresAt, detail: "email")
        let mac = token.split(separator: ".")[1]
        let swapped = signer.token(for: forged).split(separator: ".")[0] + "." + mac
        #expect(signer.verify(String(swapped), purpose: .unsubscribe, now: now) == .failure(.badSignature))
        for bad in ["", ".", "abc", "a.b.c", String(repeating: "a", count: 3000)] {
            #expect(signer.verify(bad, purpose: .unsubscribe, now: now) != .success(link))
        }
    }

    @Test("values cannot run into each other: customer 'a' detail 'bc' differs from customer 'ab' detail 'c'")
    func boundaries() {
        let expiry = now.addingTimeInterval(60)
        let one = signer.token(for: CustomerLink(purpose: .loyalty, customer: "a:1", expiresAt: expiry, detail: "bc"))
        let two = signer.token(for: CustomerLink(purpose: .loyalty, customer: "a", expiresAt: expiry, detail: "1:bc"))
        #expect(one != two)
        #expect((try? signer.verify(one, purpose: .loyalty, now: now).get().customer) == "a:1")
    }

    @Test("an ephemeral signer's links do not verify under another ephemeral signer")
    func ephemeral() {
        let link = CustomerLink(purpose: .loyalty, customer: "c", expiresAt: now.addingTimeInterval(60))
        #expect(CustomerLinkSigner.ephemeral().verify(
            CustomerLinkSigner.ephemeral().token(for: link), purpose: .loyalty, now: now) == .failure(.badSignature))
    }
}
