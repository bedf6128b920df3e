import FlywheelMessaging
import Testing

/// `flywheel serve --smtp URL` and `--mail-from`: what parses, what each part becomes, and errors that name the
/// wrong part without ever quoting the password.
@Suite("SMTP URL and From parsing")
struct SMTPURLTests {
    @Test("user and password are percent-decoded; STARTTLS on 587 by default; parameters set TLS trust and names")
    func parsesParts() throws {
        let url = try SMTPURL(parsing: "smtp://shop%40berg.example:p%40ss%3Aw%C3%B6rd@mail.berg.example?ca=/etc/ca.pem&server_name=mx.berg.example&ehlo=berg.example")
        #expect(url.host == "mail.berg.example" && url.port == 587 && url.security == .startTLS)
        #expect(url.credentials == SMTPCredentials(username: "shop@berg.example", password: "p@ss:wörd"))
        #expect(url.trustRoots == .pemFile("/etc/ca.pem") && url.serverName == "mx.berg.example")
        let configuration = url.configuration(clientName: "fallback.example")
        #expect(configuration.clientName == "berg.example" && configuration.tls.serverName == "mx.berg.example")
        #expect(!configuration.allowsInsecureAuthentication)
        #expect(url.description == "smtp://shop%40berg.example@mail.berg.example:587 (STARTTLS)")
        #expect(!url.description.contains("ss"))
    }

    @Test("smtps:// and tls=implicit mean implicit TLS on 465; tls=none a plain relay; ports and IPv6 hosts")
    func securityAndPorts() throws {
        #expect(try SMTPURL(parsing: "smtps://mail.example").security == .implicitTLS)
        #expect(try SMTPURL(parsing: "smtps://mail.example").port == 465)
        #expect(try SMTPURL(parsing: "smtp://mail.example?tls=implicit").port == 465)
        let relay = try SMTPURL(parsing: "smtp://relay.local:25?tls=none")
        #expect(relay.security == .plaintext && relay.port == 25 && relay.credentials == nil)
        #expect(relay.configuration().clientName == "localhost")
        let insecure = try SMTPURL(parsing: "smtp://u:p@127.0.0.1:2525?tls=NONE&insecure_auth=true")
        #expect(insecure.configuration().allowsInsecureAuthentication && insecure.port == 2525)
        let v6 = try SMTPURL(parsing: "smtp://[::1]:2525")
        #expect(v6.host == "::1" && v6.description == "smtp://[::1]:2525 (STARTTLS)")
    }

    @Test("errors name the part that is wrong and never the password")
    func errorsNameThePart() {
        let cases: [(String, String)] = [
            ("http://mail.example", "the scheme must be smtp:// or smtps://, not http://"),
            ("mail.example:587", "the scheme must be smtp:// or smtps://"),
            ("smtp://", "it names no host"),
            ("smtp://mail.example:70000", "the port 70000 is not between 1 and 65535"),
            ("smtp://mail.example?tls=maybe", "the parameter tls=maybe is not one of starttls, implicit, none"),
            ("smtp://mail.example?tsl=none", "the parameter \"tsl\" is not known"),
            ("smtp://mail.example?insecure_auth=yes", "insecure_auth=yes is not true or false"),
            ("smtp://mail.example?ca=", "the parameter ca needs a PEM file's path"),
            ("smtp://user@mail.example", "the user user has no password"),
            ("smtp://user:secret%C3%28@mail.example", "the password is not valid percent-encoding"),  // not UTF-8
            ("smtp://user:topsecret@mail.example/inbox", "it must have no path"),
            ("smtp://us er:top secret@mail example", "it does not parse as a URL"),
        ]
        for (text, reason) in cases {
            do {
                _ = try SMTPURL(parsing: text)
                Issue.record("\(text) parsed")
            } catch {
                #expect(error.description.hasPrefix("the SMTP URL is not usable: "))
                #expect(error.description.contains(reason), "\(text): \(error.description)")
                #expect(!error.description.contains("secret"), "\(text): \(error.description)")
            }
        }
    }

    @Test("--mail-from: a display name (quoted or not) and an address, or an address alone; bad ones explained")
    func mailFrom() throws {
        let from = try MailAddress(parsing: "Berg & Tal <hallo@berg-tal.example>")
        #expect(from == MailAddress("hallo@berg-tal.example", name: "Berg & Tal") && from.domain == "berg-tal.example")
        #expect(try MailAddress(parsing: "\"Berg, Tal\" <a@b.example>") == MailAddress("a@b.example", name: "Berg, Tal"))
        #expect(try MailAddress(parsing: " shop@example.de ") == MailAddress("shop@example.de"))
        #expect(try MailAddress(parsing: "<shop@example.de>") == MailAddress("shop@example.de"))
        for bad in ["shop", "Shop <shop@localhost>", "a@b@c.example", "Shop <sh op@example.de>", "Shop shop@example.de>", "@example.de"] {
            #expect(throws: MailAddressError.self, "\(bad)") { try MailAddress(parsing: bad) }
        }
    }
}
