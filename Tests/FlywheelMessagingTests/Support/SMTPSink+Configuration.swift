import FlywheelMessaging
import FlywheelTesting

extension SMTPSink {
    /// A configuration for this sink: STARTTLS on its plain port, its certificate trusted, our user.
    func configuration(security: SMTPSecurity = .startTLS, password: String = SMTPSink.password) -> SMTPConfiguration {
        SMTPConfiguration(
            host: "127.0.0.1",
            port: security == .implicitTLS ? tlsPort : port,
            security: security,
            tls: SMTPTLSOptions(trustRoots: .pemFile(certificate), serverName: "localhost"),
            credentials: SMTPCredentials(username: SMTPSink.user, password: password),
            clientName: "flywheel.test",
            replyTimeout: .seconds(20))
    }
}
