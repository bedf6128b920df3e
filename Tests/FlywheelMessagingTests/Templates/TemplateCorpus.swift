import Foundation

@testable import FlywheelMessaging

/// Small templates on the edges of swift-mustache's parser and renderer — standalone and indented tag lines,
/// comments, blanks at the end, inverted sections, the context stack, transforms, partials, layouts inside
/// layouts with defaults and overrides — for `CompiledTemplateDifferentialTests`.
enum TemplateCorpus {
    /// A case: the text of every part of the template `case` (en), and the partials it uses.
    struct Case: Sendable {
        var text: String
        var partials: [String: String] = [:]
    }

    static let cases: [Case] = [
        Case(text: "Hello {{name}}!\n  {{#flag}}\n  yes\n  {{/flag}}\nend  "),
        Case(text: "{{#items}}\n- {{name}} ({{count(items)}})\n{{/items}}\n{{^items}}none{{/items}}\n"),
        Case(text: "  {{! comment }}\n{{! inline }}x {{!c}} y\n\t{{^flag}}\tno\n{{/flag}}  \n   "),
        Case(text: "{{{a}}} {{&b}} {{a}} {{ a }} {{nested.inner}} {{.nested.inner}}\n{{#nested}}{{inner}} {{.inner}} {{a}}{{/nested}}"),
        Case(text: "{{#first(items)}}{{name}}{{/first(items)}}|{{#last(items)}}{{name}}{{/last(items)}}|{{count(items)}}|"
            + "{{#empty(items)}}E{{/empty(items)}}{{^empty(items)}}F{{/empty(items)}}|{{count(empty)}}"),
        Case(text: "{{<frame.txt}}\n{{$body}}\n  Indented body {{a}}\n    deeper\n{{/body}}\n{{/frame.txt}}\n",
             partials: ["frame.txt": "== {{a}} ==\n{{$body}}default{{/body}}\n{{$missing}}fallback {{b}}{{/missing}}\n-- end\n"]),
        Case(text: "{{#items}}\n{{>row.html}}\n{{/items}}\n{{>missing.txt}}x", partials: ["row.html": "<li>{{name}} & {{a}}</li>\n"]),
        Case(text: "{{#list}}{{#flag}}[{{.}}]{{/flag}}{{name}}{{/list}}{{#text}}{{.}}{{/text}}{{#b}}{{.}}{{/b}}"),
        Case(text: "a\n\n   \n{{#flag}}   {{/flag}}\n {{a}} \n  \t"),
        Case(text: "{{#flag}}{{/flag}}\n  {{#flag}}  {{^a}}\n{{/a}}{{/flag}}\nx{{#a}}\n{{/a}}y\n{{#nested}}\n  {{#inner}}\n{{inner}}\n  {{/inner}}\n{{/nested}}"),
        Case(text: "{{<inner.html}}{{$content}}C {{a}}{{/content}}{{/inner.html}}",
             partials: ["outer.html": "<o>{{$content}}O{{/content}}{{$foot}}F{{/foot}}</o>",
                        "inner.html": "{{<outer.html}}{{$content}}<i>{{$content}}I{{/content}}</i>{{/content}}{{$foot}}f {{a}}{{/foot}}{{/outer.html}}"]),
        Case(text: "  {{<frame.html}}\n  {{$main}}\n    {{#items}}\n      * {{name}}\n    {{/items}}\n  {{/main}}\n  {{/frame.html}}\nafter",
             partials: ["frame.html": "<p>\n{{$main}}{{/main}}\n</p>\n"]),
    ]

    static let vocabulary = ValueTreeGenerator.Vocabulary(
        names: [["name"], ["flag"], ["a"], ["b"], ["items"], ["nested", "inner"], ["list"], ["text"], ["empty"], ["inner"]],
        sections: [["flag"], ["items"], ["nested"], ["list"], ["text"], ["empty"], ["a"], ["inner"], ["b"]],
        printed: [["name"], ["a"], ["b"], ["nested", "inner"], ["inner"]]
    )

    static let values: TemplateValue = [
        "name": "Jö <b>", "flag": true, "a": "A&'\"", "b": 7, "items": [["name": "x<"], ["name": "e\u{301}"], ["name": "plain"]],
        "nested": ["inner": "in"], "list": [true, false, ["name": "n"]], "text": "t", "empty": [],
    ]

    /// A temporary folder with the case as the template `case` (every part) and its partials.
    static func folder(for testCase: Case) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("corpus-\(UUID().uuidString)")
        let template = folder.appendingPathComponent("case")
        let partials = folder.appendingPathComponent("_partials")
        try FileManager.default.createDirectory(at: template, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: partials, withIntermediateDirectories: true)
        for part in TemplatePart.allCases {
            try Data(testCase.text.utf8).write(to: template.appendingPathComponent("en.\(part.rawValue)"))
        }
        for (name, text) in testCase.partials {
            try Data(text.utf8).write(to: partials.appendingPathComponent(name))
        }
        return folder
    }
}
