import ArgumentParser
import FlywheelServer
import Foundation

extension FlowsCommand {
    /// `flywheel flows webhook-secret`: the secret `flywheel serve` signs flow webhooks with.
    struct WebhookSecret: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "webhook-secret",
            abstract: "Print the secret flow webhooks are signed with (Flywheel-Signature), for their receivers.",
            discussion: """
                The secret derives from the link secret (--link-secret or $FLYWHEEL_LINK_SECRET, as for \
                `flywheel serve`): it stays the same while the link secret does. A receiver computes \
                HMAC-SHA256 of the request's exact body bytes with this secret (its text as UTF-8 bytes), \
                writes it as lower-case hex after "sha256=", and compares it with the Flywheel-Signature \
                header in constant time (docs/flows.md, "Effects").

                Example:
                  FLYWHEEL_LINK_SECRET=… flywheel flows webhook-secret
                """)

        @Option(help: ArgumentHelp("The server's link secret (default $FLYWHEEL_LINK_SECRET).", valueName: "secret"))
        var linkSecret: String?

        func run() throws {
            let secret = linkSecret ?? ProcessInfo.processInfo.environment["FLYWHEEL_LINK_SECRET"]
            guard let secret, !secret.isEmpty else {
                throw ValidationError(
                    "no link secret: pass --link-secret or set FLYWHEEL_LINK_SECRET (without one, `flywheel serve` "
                        + "signs with a random key that changes at every start, which no receiver can check)")
            }
            print(FlowWebhookCaller.secret(linkSigner: CustomerLinkSigner(secret: Data(secret.utf8))))
        }
    }
}
