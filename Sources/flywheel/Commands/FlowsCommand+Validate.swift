import ArgumentParser
import FlywheelFlows
import FlywheelMessaging
import Foundation

extension FlowsCommand {
    /// `flywheel flows validate FILE…`: checks flow files against the templates and names every problem.
    struct Validate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "validate",
            abstract: "Check flow files: every problem, named by step and key.",
            discussion: """
                Reads each flow file (JSON; a folder means every *.json in it), checks it by the rules of \
                docs/flows.md and against the message templates: the shipped ones, overridden file by file by \
                --templates DIR (a shop's own templates, same layout as Sources/FlywheelMessaging/Templates/Default). \
                Prints one line per problem, FILE: steps[3] "wait_review": wait.until_event.timeout: must be positive, \
                and FILE: OK for a valid file. Exit code 0 when every file is valid, 1 otherwise.

                Examples:
                  flywheel flows validate examples/flows
                  flywheel flows validate my_flow.json --templates my-templates --json
                """)

        @Argument(help: ArgumentHelp("Flow files, or folders of *.json flow files.", valueName: "file"))
        var files: [String]

        @Option(help: ArgumentHelp("The shop's own templates, overriding the shipped ones.", valueName: "dir"))
        var templates: String?

        @Flag(help: "Print the result as JSON.")
        var json = false

        func run() async throws {
            let paths: [String]
            let catalogue: TemplateCatalogue
            do {
                paths = try FlowFiles.expand(files)
                catalogue = TemplateCatalogue(try FlowsCommand.templates(templates))
            } catch let failure as CommandFailure {
                throw CommandFailure.report(failure)
            }
            var results: [FlowFileResult] = []
            for path in paths {
                guard let data = FileManager.default.contents(atPath: path) else {
                    results.append(FlowFileResult(file: path, flow: nil, problems: ["cannot be read"]))
                    continue
                }
                switch FlowDocument.parse(data, name: URL(fileURLWithPath: path).lastPathComponent, catalogue: catalogue) {
                case .success(let definition):
                    results.append(
                        FlowFileResult(
                            file: path, flow: "\(definition.id) v\(definition.version)", steps: definition.steps.count))
                case .failure(let error):
                    results.append(FlowFileResult(file: path, error: error))
                }
            }
            if json {
                try JSONOutput.print(FlowValidationReport(files: results))
            } else {
                var out = ""
                for result in results {
                    if result.valid {
                        let steps = result.steps ?? 0
                        out += "\(result.file): OK (\(result.flow ?? "flow"), \(steps) step\(steps == 1 ? "" : "s"))\n"
                    } else {
                        for problem in result.problems { out += "\(result.file): \(problem.message)\n" }
                    }
                }
                FileHandle.standardOutput.write(Data(out.utf8))
            }
            if results.contains(where: { !$0.valid }) { throw ExitCode(1) }
        }
    }
}
