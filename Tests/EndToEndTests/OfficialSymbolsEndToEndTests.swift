import Foundation
import Testing

/// An edition that copies official tables as published, with their symbols (`c`, `low`, `x`,
/// `z`), checked and built as a user runs the tool.
@Suite("Official tables' symbols, end to end")
struct OfficialSymbolsEndToEndTests {
    static let edition = "Tests/Editions/synthetic-official-symbols"

    static func build(_ edition: String) throws -> (status: Int32, files: [String: Data], output: String) {
        let output = BuildEndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let outcome = try CommandRunner.run(["build", edition, "--no-pdf", "--output", output.path])
        let files = outcome.status == 0 ? try BuildEndToEndTests.contents(of: output) : [:]
        return (outcome.status, files, outcome.standardOutput + outcome.standardError)
    }

    static func text(_ files: [String: Data], _ name: String) -> String {
        String(decoding: files[name] ?? Data(), as: UTF8.self)
    }

    @Test("the report prints each symbol in its cell, with a note under the table of what it means")
    func report() throws {
        let (status, files, output) = try Self.build(Self.edition)
        #expect(status == 0, "\(output)")
        for name in ["/report.html", "/report.xhtml"] {
            let html = Self.text(files, name)
            // A change from or to a confidential figure would give it away: it is c too.
            #expect(
                html.contains(
                    "<th scope=\"row\" class=\"member\">Infection</th><td class=\"numeric\">c</td><td class=\"numeric\">c</td><td class=\"numeric\">c</td>"
                ), "\(name)")
            #expect(
                html.contains(
                    "<th scope=\"row\">Permanent exclusion rate</th><td class=\"numeric\">low</td><td class=\"numeric\">0.02%</td>"
                ), "\(name)")
            #expect(
                html.contains("<td class=\"numeric\">z</td>") && html.contains("<td class=\"numeric\">x</td>"),
                "\(name)")
            #expect(
                html.contains("<p class=\"table-note\">c means confidential, withheld to protect individuals.</p>"),
                "\(name)")
            #expect(
                html.contains(
                    "<p class=\"table-note\">c means confidential, withheld to protect individuals; low means a figure that rounds to 0 but is not 0; x means not available; z means not applicable.</p>"
                ), "\(name)")
        }
    }

    @Test("the open data writes each symbol as typed by the official table and declares it a missing value")
    func openData() throws {
        let (status, files, output) = try Self.build(Self.edition)
        #expect(status == 0, "\(output)")
        let deaths = Self.text(files, "/data/deaths.csv")
        #expect(deaths.contains("whole,deaths_infection,c,,,,,c\r\n"), "\(deaths)")
        #expect(deaths.contains("north,deaths,14,,,,,c\r\n"), "\(deaths)")
        let schools = Self.text(files, "/data/schools.csv")
        for row in [
            "south,suspensions,c,", "whole,permanent_exclusion_rate,low,", "north,boarders,z,",
            "north,special_pupils,x,",
        ] {
            #expect(schools.contains(row), "\(row) in \(schools)")
        }
        let package = try #require(
            try JSONSerialization.jsonObject(with: files["/datapackage.json"] ?? Data()) as? [String: Any])
        let resources = try #require(package["resources"] as? [[String: Any]])
        func schema(_ name: String) -> [String: Any]? {
            resources.first { $0["name"] as? String == name }?["schema"] as? [String: Any]
        }
        #expect(schema("deaths")?["missingValues"] as? [String] == ["", "c"])
        #expect(schema("schools")?["missingValues"] as? [String] == ["", "c", "low", "x", "z"])
        #expect(schema("measures")?["missingValues"] as? [String] == [""])
        // The value column stays a number: the symbols are gaps in it, not text.
        let fields = schema("schools")?["fields"] as? [[String: Any]] ?? []
        #expect(fields.first { $0["name"] as? String == "value" }?["type"] as? String == "number")
    }

    @Test("the built output reads back as an edition with the same symbols, and checks clean")
    func outputIsAnEdition() throws {
        let output = BuildEndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        #expect(try CommandRunner.run(["build", Self.edition, "--no-pdf", "--output", output.path]).status == 0)
        let check = try CommandRunner.run(["check", output.path])
        #expect(check.status == 0, "\(check.standardOutput)")
    }

    @Test("a narrative reference to a figure given as c is an error located at the reference, and nothing is built")
    func narrativeReference() throws {
        let edition = try TemporaryEdition(copying: Self.edition)
        try edition.replace(
            in: "narrative/deaths.md", "them after a perinatal",
            with:
                "{{= whole/deaths_infection }} of them after an infection and {{= whole/deaths_perinatal }} after a perinatal"
        )
        let outcome = try CommandRunner.run(["check", edition.path])
        #expect(outcome.status == 1)
        #expect(
            outcome.standardOutput.contains(
                "narrative/deaths.md:2:1: error: whole/deaths_infection is given as 'c' (confidential, withheld to protect individuals), not a number"
            ), "\(outcome.standardOutput)")
        // A draft renders anyway, with the gap marked, not the symbol in the sentence.
        let output = BuildEndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let draft = try CommandRunner.run(["build", edition.path, "--draft", "--no-pdf", "--output", output.path])
        #expect(draft.status == 0, "\(draft.standardError)")
        let html = try String(contentsOf: output.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("[figure not shown: whole/deaths_infection] of them after an infection"))
    }
}
