import Foundation
import Testing

/// `flywheel serve`'s delivery options as a user meets them: a wrong `--smtp` URL or a missing `--mail-from`
/// stops the start with a message naming the part, never the password; the environment is read too.
@Suite("flywheel serve: delivery options")
struct ServeDeliveryOptionsTests {
    @Test("bad --smtp URLs and a missing --mail-from are refused before anything starts, naming the part")
    func refused() async throws {
        let directory = FlywheelBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cases: [([String], [String: String], String)] = [
            (["--smtp", "http://u:hunter2@mail.example"], [:], "--smtp: the SMTP URL is not usable: the scheme must be smtp:// or smtps://"),
            (["--smtp", "smtp://u:hunter2@mail.example:99999"], [:], "the port 99999 is not between 1 and 65535"),
            ([], ["FLYWHEEL_SMTP": "smtp://u:hunter2@mail.example?tls=sometimes"], "the parameter tls=sometimes is not one of starttls, implicit, none"),
            (["--smtp", "smtp://u:hunter2@mail.example"], [:], "--smtp needs --mail-from"),
            (["--smtp", "smtp://u:hunter2@mail.example", "--mail-from", "Shop <shop>"], [:], "--mail-from: Shop <shop>: \"shop\" is not an address"),
            (["--sms-gateway", "ftp://gateway.example/send"], [:], "--sms-gateway must be an http or https URL"),
            (["--delivery-workers", "100"], [:], "--delivery-workers must be between 0 and 64"),
        ]
        for (arguments, environment, message) in cases {
            let result = try await FlywheelBinary.run(["serve", "--port", "0"] + arguments, in: directory, environment: environment)
            #expect(result.status == 64, "\(arguments) \(environment)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
            #expect(!result.stderr.contains("hunter2") && !result.stdout.contains("hunter2"))
        }
    }
}
