import ArgumentParser
import FlywheelCore
import FlywheelImport
import Foundation

extension LoyaltyCommand {
    /// `flywheel loyalty export`: everything the loyalty programme keeps, in the open format.
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write every member, ledger, tier grant and referral code as documented JSON Lines.",
            discussion: """
                One JSON object per line: a header (format, version, time), then per member their member \
                line, ledger sources, lots and entries, and their imported tier grant and referral code. \
                The format is described field by field in docs/loyalty-export.md; \
                `flywheel loyalty import --from flywheel FILE` reads it back.

                Examples:
                  flywheel loyalty export --out loyalty.jsonl
                  flywheel loyalty export --database postgres://flywheel@localhost/shop | gzip > loyalty.jsonl.gz
                """)

        @OptionGroup var database: DatabaseOptions

        @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
        var out: String?

        func run() async throws {
            let store = try await database.openStore()
            var buffer = Data()
            let handle: FileHandle
            if let out {
                guard FileManager.default.createFile(atPath: out, contents: nil),
                    let opened = FileHandle(forWritingAtPath: out)
                else {
                    FileHandle.standardError.write(Data("error: cannot write \(out)\n".utf8))
                    throw ExitCode(1)
                }
                handle = opened
            } else {
                handle = .standardOutput
            }
            let members = try await LoyaltyExporter.export(from: store, exportedAt: Date()) { line in
                buffer.append(contentsOf: line.utf8)
                buffer.append(0x0A)
                if buffer.count >= 1 << 20 {
                    handle.write(buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            handle.write(buffer)
            if let out {
                try handle.close()
                FileHandle.standardError.write(Data("exported \(Format.count(members)) members to \(out)\n".utf8))
            }
        }
    }
}
