public import Testing
import Foundation

/// Whether the local test servers can run, and whether they must (`FLYWHEEL_REQUIRE_SMTP=1`, set by
/// scripts/test): tests skip with a clear message only when they cannot and need not.
public enum LocalServers {
    /// Debian's python3 with aiosmtpd (python3-aiosmtpd) and openssl.
    public static let smtpSinkAvailable: Bool =
        ChildProcess.succeeds("/usr/bin/python3", ["-c", "import aiosmtpd"])
        && ["/usr/bin/openssl", "/bin/openssl", "/usr/local/bin/openssl"].contains { FileManager.default.isExecutableFile(atPath: $0) }

    /// Any python3 for the HTTP sink and for parsing messages with the email package.
    public static let python: String? = ["/usr/bin/python3", "/usr/local/bin/python3"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    public static var required: Bool { ProcessInfo.processInfo.environment["FLYWHEEL_REQUIRE_SMTP"] == "1" }

    /// Run the SMTP tests? True when the sink can run, or when it is required (they then fail loudly).
    public static var runSMTPTests: Bool { smtpSinkAvailable || required }
    public static var runPythonTests: Bool { python != nil || required }

    public static let smtpSkipReason: Comment =
        "skipped: /usr/bin/python3 with aiosmtpd (Debian python3-aiosmtpd) or openssl is missing; scripts/install-deps installs them, FLYWHEEL_REQUIRE_SMTP=1 makes this a failure"
    public static let pythonSkipReason: Comment = "skipped: python3 is missing; FLYWHEEL_REQUIRE_SMTP=1 makes this a failure"
}

