// Issue 13's "Why", bullet by bullet: the test that reproduces each scenario (a case of
// `WhyBulletTests.scenario`, named in quotes, or a test of `WhyNewAndDiffTests`) and how it
// failed at d08417f, the commit before the work (this file copied there and run).
//
// - No figures over time: "one measure for several quarters is a series ...". At d08417f:
//   "cannot read '2031/32 Q1' ... expected a period" (and key.duplicate once read).
// - One breakdown per headline: "two breakdowns of one headline ...". At d08417f: exit 1,
//   "its breakdown (... four parts) adds up to 44" and unknown column 'breakdown'.
// - The budget layout assumes contributions: "a budget table placed in a section ...". At
//   d08417f: its section: ignored, the table under "Financial arrangements". The words from
//   the manifest: "an expenditure table is shown in the manifest's words ...". At d08417f:
//   unknown schema 'parts'.
// - Silent loss: "a figures dataset shown nowhere ..." and "appendices listed in the
//   manifest ...". At d08417f: "0 errors, 0 warnings"; unknown key 'appendices'.
// - Narrative cannot say: "narrative says last year's value, the change, the period and a rate
//   per 1,000" and "a previous value typed by hand ...". At d08417f: "the function 'previous'
//   is unknown" (and change, period, the rate's base); the typed 1,000 passed with 0 warnings.
//   Ranked items and reviews: "narrative names a ranked item and a review by their rows" (and
//   their words refused in arithmetic). At d08417f: "unknown figure 'ranked:top-referrers/north/1'".
// - No relation across datasets: "declared relations across datasets are checked". At
//   d08417f: unknown key 'relations'.
// - `new` scaffolds an edition that fails at once: WhyNewAndDiffTests.scaffoldKeepsManifest. At
//   d08417f: period_note dropped, so the scaffold failed periods.dataset besides its empty
//   figures. The title kept (its period moved on): WhyNewAndDiffTests.scaffoldKeepsTitle; at
//   d08417f the title was replaced by "<partnership> Annual Report <period>". The opening
//   comment kept and previous values for budget and courses:
//   WhyNewAndDiffTests.scaffoldKeepsCommentAndPrevious; at d08417f the comment was dropped and
//   the budget and courses were written without last year's values. (Comments further down
//   the manifest are not carried.)
// - `diff` sees data only: WhyNewAndDiffTests.diffSeesManifestAndNarrative (area name, section
//   title, narrative). At d08417f: "no differences", exit 0, all three.
// - Excel habits: the four "spreadsheet habit: ..." cases. At d08417f: unknown column '',
//   "expected a whole number such as 1,234" for 1200.00, "expected an amount in pounds" for
//   (£18,000), and 0.447 read as 0.447% with 0 errors.
// - Quarterly figures: "a quarter's figure compared with the quarter before ..." and "a
//   direction word is checked against the previous quarter". At d08417f: the quarter could not
//   be read, and '@' named no figure.
// - A subset is not a breakdown: "subsets of one whole ...". At d08417f: exit 1, unknown column
//   'breakdown' and 'subset_of'.
// - A breakdown with an unpublished part: "an incomplete breakdown ..." (both cases). At
//   d08417f: checked as an equality, "its breakdown (Joint enquiries) adds up to 60".
// - A percentage with no published count: "a percentage with no published count is shown and
//   referred to" passed at d08417f too (it already worked); "... is checked against a
//   relation": unknown key 'relations'; "... as a subset of another percentage": unknown
//   columns 'breakdown' and 'subset_of'. A lower bound: "a lower bound (40+) ..." and "a total
//   containing a bound ...". At d08417f: "cannot read '40+' ... expected a whole number".
// - Direction words go unchecked: "a direction word the data contradicts is found". At
//   d08417f: "0 errors, 0 warnings".
// - Two datasets giving one key different values: "one key in two datasets of different
//   periods is not a conflict" (same period, different values: consistency.repeated-figure, as
//   before). At d08417f: consistency.repeated-figure, exit 1.
// - Ordinary words flagged: "period names (Quarter 3, Q3) ...". At d08417f: "the abbreviation
//   Q3 is used but the glossary does not explain it".
// - Underneath, one place per dataset kind: RenderingTests/WorkedExampleKindTests (a kind
//   declared in a test target is read, checked, shown and published). At d08417f it does not
//   compile: there was no DatasetKind to conform to, only six switches over schema names.

import Foundation
import Testing

/// A small invented edition (no real partnership, no real figures) written to a temporary
/// folder: one council of two districts, a measures catalogue, one figures dataset shown in one
/// section. Each case changes what it needs.
struct WhyEdition {
    var measures = """
        measure,label,unit,additive,part_of,description
        contacts,Contacts,count,yes,,
        referrals,Referrals,count,yes,,

        """
    var figures = """
        area,measure,value,stated_percent,percent_of,period,source,previous
        north,contacts,1200,,,,,1000
        east,contacts,700,,,,,400
        west,contacts,500,,,,,600
        north,referrals,300,25%,contacts,,,250

        """
    var narrative = """
        North received {{= north/contacts }} contacts, of which {{= north/referrals }}
        ({{= north/referrals.percent }}) became referrals.

        """
    /// Further dataset entries, each a YAML flow mapping.
    var datasets: [String] = []
    /// Further top-level manifest keys, as YAML.
    var manifestTail = ""
    /// Further files, by path in the edition.
    var files: [String: String] = [:]

    var manifest: String {
        """
        # An invented edition for the issue 13 tests: not real figures.
        partnership: { name: Invented Partnership (synthetic test edition), short_name: IP }
        period: { label: 2031/32, start: 2031-04-01, end: 2032-03-31 }
        publication: { title: An invented edition }
        areas:
          - key: north
            name: North
            level: council
            areas:
              - { key: east, name: East, level: district }
              - { key: west, name: West, level: district }
        sections:
          - { id: activity, title: Activity, file: narrative/activity.md }
        datasets:
          - { id: measures, schema: measures, file: data/measures.csv, title: Measures }
          - { id: activity, schema: figures, file: data/activity.csv, title: Activity, section: activity }

        """ + datasets.map { "  - \($0)\n" }.joined() + manifestTail
    }

    /// Writes the edition to a new temporary folder and returns the folder's path.
    func write() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("why-\(UUID().uuidString)")
        var all = files
        all["edition.yaml"] = manifest
        all["data/measures.csv"] = measures
        all["data/activity.csv"] = figures
        all["narrative/activity.md"] = narrative
        for (path, text) in all {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return folder.path
    }
}

/// One scenario of a Why bullet: an edition, the command, and what the output must (and must
/// not) say.
struct WhyCase: CustomTestStringConvertible, Sendable {
    enum Command: Sendable { case check, build }

    var name: String
    var command = Command.check
    var edit: @Sendable (inout WhyEdition) -> Void
    var status: Int32
    var says: [String] = []
    var neverSays: [String] = []

    var testDescription: String { name }

    /// Calls to the front door in North, quarter by quarter: a series.
    static let quarters = """
        north,calls,100,,,2031/32 Q1,,
        north,calls,120,,,2031/32 Q2,,
        north,calls,150,,,2031/32 Q3,,
        north,calls,130,,,2031/32 Q4,,

        """

    /// A measures catalogue with the columns for breakdowns and subsets.
    static let catalogueHeader = "measure,label,unit,additive,part_of,breakdown,subset_of,description\n"

    static let all: [WhyCase] = [
        WhyCase(
            name: "two breakdowns of one headline (by age, by sex) each add up on their own",
            edit: {
                $0.measures =
                    catalogueHeader + """
                        contacts,Contacts,count,yes,,,,
                        referrals,Referrals,count,yes,,,,
                        deaths,Child deaths,count,yes,,,,
                        deaths_infant,Deaths under one,count,yes,deaths,age,,
                        deaths_older,Deaths aged one to 17,count,yes,deaths,age,,
                        deaths_boys,Deaths of boys,count,yes,deaths,sex,,
                        deaths_girls,Deaths of girls,count,yes,deaths,sex,,

                        """
                $0.figures += "north,deaths,22,,,,,\nnorth,deaths_infant,10,,,,,\nnorth,deaths_older,12,,,,,\n"
                $0.figures += "north,deaths_boys,13,,,,,\nnorth,deaths_girls,9,,,,,\n"
            }, status: 0, neverSays: ["totals.breakdown", "error:"]),
        WhyCase(
            name: "a budget table placed in a section is shown there, not under Financial arrangements",
            command: .build,
            edit: {
                $0.datasets = [
                    "{ id: spending, schema: budget, file: data/spending.csv, title: What the partnership spent, section: activity }"
                ]
                $0.files["data/spending.csv"] = """
                    agency,parent,amount,stated_percent,row
                    Staffing,,"£60,000",,part
                    Training,,"£40,000",,part
                    Total,,"£100,000",,total

                    """
            }, status: 0, says: ["What the partnership spent"], neverSays: ["Financial arrangements"]),
        WhyCase(
            name: "a figures dataset shown nowhere is a warning, not silent loss",
            edit: {
                $0.datasets = ["{ id: other, schema: figures, file: data/other.csv, title: Other figures }"]
                $0.files["data/other.csv"] = "area,measure,value\nnorth,referrals,300\n"
            }, status: 0, says: ["coverage.dataset-shown", "the dataset other is shown nowhere"]),
        WhyCase(
            name: "appendices listed in the manifest, with its titles",
            command: .build,
            edit: { $0.manifestTail = "appendices:\n  - { kind: data-quality, title: How good these figures are }\n" },
            status: 0, says: ["How good these figures are"]),
        WhyCase(
            name: "narrative says last year's value, the change, the period and a rate per 1,000",
            command: .build,
            edit: {
                $0.narrative += """

                    Last year there were {{= previous(north/contacts) }}, so contacts are
                    {{= change(north/contacts) }} in {{= period(north/contacts) }}: a rate of
                    {{= rate(north/referrals, north/contacts, 1000) }}.

                    """
            }, status: 0, says: ["Last year there were 1,000", "up 200", "250.0 per 1,000"]),
        WhyCase(
            name: "a previous value typed by hand next to 'last year' is a literal figure",
            edit: { $0.narrative += "\nContacts are up from 1,000 last year.\n" },
            status: 0, says: ["narrative.literal-figure"]),
        WhyCase(
            name: "declared relations across datasets are checked",
            edit: { $0.manifestTail = "relations:\n  - { left: north/referrals, is: equal, right: east/contacts }\n" },
            status: 1, says: ["relations.declared", "north/referrals is 300"]),
        WhyCase(
            name: "spreadsheet habit: an unnamed empty column at the end of the header",
            edit: {
                $0.figures = $0.figures.split(separator: "\n").map { $0 + "," }.joined(separator: "\n") + "\n"
            }, status: 0, says: ["schema.empty-column"], neverSays: ["unknown column"]),
        WhyCase(
            name: "spreadsheet habit: a count with decimal places (1200.00)",
            edit: {
                $0.figures = $0.figures.replacingOccurrences(
                    of: "north,contacts,1200,", with: "north,contacts,1200.00,")
            },
            status: 1, says: ["has decimal places because the spreadsheet column is formatted"]),
        WhyCase(
            name: "spreadsheet habit: a negative amount in accounting brackets",
            edit: {
                $0.measures += "net,Net spending,money,no,,\n"
                $0.figures += "north,net,\"(£18,000)\",,,,,\n"
            }, status: 1, says: ["accounting format"]),
        WhyCase(
            name: "spreadsheet habit: a percentage kept as its fraction (0.447)",
            edit: {
                $0.measures += "fsm,Pupils eligible for free school meals,percent,no,,\n"
                $0.figures += "north,fsm,0.447,,,,,\n"
            }, status: 1, says: ["looks like 44.7% kept as a fraction"]),
        WhyCase(
            name: "subsets of one whole are each at most it, not summed as a breakdown",
            edit: {
                $0.measures =
                    catalogueHeader + """
                        contacts,Contacts,count,yes,,,,
                        referrals,Referrals,count,yes,,,,
                        pupils,Pupils,count,yes,,,,
                        with_plan,Pupils with a plan,count,yes,,,pupils,
                        with_support,Pupils with support,count,yes,,,pupils,

                        """
                $0.figures += "north,pupils,100,,,,,\nnorth,with_plan,30,,,,,\nnorth,with_support,90,,,,,\n"
            }, status: 0, neverSays: ["totals.breakdown", "totals.subset", "error:"]),
        WhyCase(
            name: "an incomplete breakdown (an unpublished part) is at most its headline",
            edit: {
                $0.measures =
                    catalogueHeader + """
                        contacts,Contacts,count,yes,,,,
                        referrals,Referrals,count,yes,,,,
                        enquiries,Joint and single-agency enquiries,count,yes,,,,
                        joint,Joint enquiries,count,yes,enquiries,incomplete,,

                        """
                $0.figures += "north,enquiries,80,,,,,\nnorth,joint,60,,,,,\n"
            }, status: 0, neverSays: ["totals.breakdown", "error:"]),
        WhyCase(
            name: "an incomplete breakdown that exceeds its headline is found at the headline, naming the parts",
            edit: {
                $0.measures =
                    catalogueHeader + """
                        contacts,Contacts,count,yes,,,,
                        referrals,Referrals,count,yes,,,,
                        enquiries,Joint and single-agency enquiries,count,yes,,,,
                        joint,Joint enquiries,count,yes,enquiries,incomplete,,

                        """
                $0.figures += "north,enquiries,50,,,,,\nnorth,joint,60,,,,,\n"
            }, status: 1,
            says: [
                "data/activity.csv:6:3: error: North has 50 for Joint and single-agency enquiries, but its incomplete breakdown (Joint enquiries) already adds up to 60 [totals.breakdown]"
            ]),
        WhyCase(
            name: "a percentage with no published count is shown and referred to",
            command: .build,
            edit: {
                $0.measures += "fsm,Pupils eligible for free school meals,percent,no,,\n"
                $0.figures += "north,fsm,23.5%,,,,,\n"
                $0.narrative += "\n{{= north/fsm }} of pupils were eligible for free school meals.\n"
            }, status: 0, says: ["23.5% of pupils were eligible"]),
        WhyCase(
            name: "a percentage with no published count is checked against a relation",
            edit: {
                $0.measures += "fsm,Pupils eligible for free school meals,percent,no,,\n"
                $0.measures += "fsm_england,Pupils eligible in England,percent,no,,\n"
                $0.figures += "north,fsm,23.5%,,,,,\nnorth,fsm_england,24.6%,,,,,\n"
                $0.manifestTail = "relations:\n  - { left: north/fsm, is: at-least, right: north/fsm_england }\n"
            }, status: 1, says: ["north/fsm is 23.5%, but the manifest declares it at least north/fsm_england"]),
        WhyCase(
            name: "a percentage with no published count is checked as a subset of another percentage",
            edit: {
                $0.measures =
                    catalogueHeader + """
                        contacts,Contacts,count,yes,,,,
                        referrals,Referrals,count,yes,,,,
                        takeup,Take-up of funded places,percent,no,,,,
                        takeup_full,Take-up of the full hours,percent,no,,,takeup,

                        """
                $0.figures += "north,takeup,72.5%,,,,,\nnorth,takeup_full,80%,,,,,\n"
            }, status: 1,
            says: [
                "North has 80% for Take-up of the full hours, more than its 72.5% for Take-up of funded places, which it is a subset of [totals.subset]"
            ]),
        WhyCase(
            name: "a lower bound (40+) is read, printed as given and referred to",
            command: .build,
            edit: {
                $0.measures += "members,Members of the young people's forum,count,no,,\n"
                $0.figures += "north,members,40+,,,,,\n"
                $0.narrative += "\nThe forum has {{= north/members }} members.\n"
            }, status: 0, says: ["The forum has 40+ members.", ">40+<"]),
        WhyCase(
            name: "a total containing a bound (700+) is at least the bound plus the others",
            edit: {
                $0.figures = $0.figures.replacingOccurrences(of: "east,contacts,700,", with: "east,contacts,700+,")
                    .replacingOccurrences(of: "north,contacts,1200,", with: "north,contacts,1100,")
            }, status: 1,
            says: ["North has 1,100 for Contacts, but East and West add up to at least 1,200 [totals.area-hierarchy]"]),
        WhyCase(
            name: "a direction word the data contradicts is found",
            edit: { $0.narrative += "\nContacts decreased further to {{= north/contacts }}.\n" },
            status: 0, says: ["narrative.direction", "went from 1,000 to 1,200: it rose"]),
        WhyCase(
            name: "one measure for several quarters is a series, shown by period, not a repeated key",
            command: .build,
            edit: {
                $0.measures += "calls,Calls to the front door,count,no,,\n"
                $0.figures += Self.quarters
            }, status: 0, says: ["July to September 2031", "October to December 2031"],
            neverSays: ["key.duplicate", "consistency.repeated-figure"]),
        WhyCase(
            name: "a quarter's figure compared with the quarter before, not with a year earlier",
            command: .build,
            edit: {
                $0.measures += "calls,Calls to the front door,count,no,,\n"
                $0.figures += Self.quarters
                $0.narrative += "\nCalls were {{= north/calls@2031/32 Q3 }}, {{= change(north/calls@2031/32 Q3) }}.\n"
            }, status: 0, says: ["Calls were 150, up 30"]),
        WhyCase(
            name: "a direction word is checked against the previous quarter",
            edit: {
                $0.measures += "calls,Calls to the front door,count,no,,\n"
                $0.figures += Self.quarters
                $0.narrative += "\nCalls fell to {{= north/calls@2031/32 Q3 }}.\n"
            }, status: 0, says: ["narrative.direction"]),
        WhyCase(
            name: "one key in two datasets of different periods is not a conflict",
            edit: {
                $0.datasets = [
                    "{ id: last-year, schema: figures, file: data/last-year.csv, title: Last year, period: 2030/31, period_note: Last year's figures for comparison., data_only: true }"
                ]
                $0.files["data/last-year.csv"] = "area,measure,value\nnorth,contacts,900\n"
            }, status: 0, neverSays: ["consistency.repeated-figure", "error:"]),
        WhyCase(
            name: "an expenditure table is shown in the manifest's words, not as contributions by agency",
            command: .build,
            edit: {
                $0.datasets = [
                    "{ id: spending, schema: parts, unit: money, labels: { part: Spent on, value: Amount, leads: took the most }, file: data/spending.csv, title: What the partnership spent, section: activity }"
                ]
                $0.files["data/spending.csv"] = """
                    part,value,row
                    Staffing,"£60,000",part
                    Training,"£40,000",part
                    Total,"£100,000",total

                    """
            }, status: 0, says: [">Spent on<", ">Amount<", "Staffing took the most"],
            neverSays: ["contributed the most", ">Agency<", ">Contribution<"]),
        WhyCase(
            name: "narrative names a ranked item and a review by their rows",
            command: .build,
            edit: {
                $0.datasets = [
                    "{ id: ranked, schema: rankings, file: data/ranked.csv, title: Top referrers, section: activity }",
                    "{ id: reviews, schema: reviews, file: data/reviews.csv, title: Reviews, section: activity }",
                ]
                $0.files["data/ranked.csv"] = "list,area,rank,item,stated_percent\ntop-referrers,north,1,Schools,31%\n"
                $0.files["data/reviews.csv"] =
                    "review,kind,publication,published_in,note\nChild R,lcspr,published,June 2032,\n"
                $0.narrative +=
                    "\nThe largest referrer was {{= ranked:top-referrers/north/1 }}; the review of Child R is {{= reviews:Child R }}.\n"
            }, status: 0,
            says: ["The largest referrer was Schools (31%); the review of Child R is published (June 2032)."]),
        WhyCase(
            name: "a parts table row's previous value and change, from its previous column",
            command: .build,
            edit: {
                $0.datasets = [
                    "{ id: spending, schema: budget, file: data/spending.csv, title: Spending, section: activity }"
                ]
                $0.files["data/spending.csv"] =
                    "agency,amount,row,previous\nStaffing,\"£60,000\",part,50000\nTotal,\"£60,000\",total,50000\n"
                $0.narrative +=
                    "\nStaffing cost {{= spending:Staffing }}, {{= change(spending:Staffing) }} on {{= previous(spending:Staffing) }}.\n"
            }, status: 0, says: ["Staffing cost £60,000, up £10,000 on £50,000."]),
        WhyCase(
            name: "a ranked item's words are refused where a number is needed",
            edit: {
                $0.datasets = [
                    "{ id: ranked, schema: rankings, file: data/ranked.csv, title: Top referrers, section: activity }"
                ]
                $0.files["data/ranked.csv"] = "list,area,rank,item,stated_percent\ntop-referrers,north,1,Schools,31%\n"
                $0.narrative += "\n{{= sum(ranked:top-referrers/north/1, north/contacts) }}\n"
            }, status: 1, says: ["is a row's words (Schools (31%)), not a number"]),
        WhyCase(
            name: "period names (Quarter 3, Q3) are not figures or abbreviations",
            edit: { $0.narrative += "\nIn Quarter 3 (Q3) there were {{= north/contacts }} contacts.\n" },
            status: 0, neverSays: ["narrative.literal-figure", "narrative.abbreviation", "warning:"]),
    ]
}

@Suite("Issue 13's Why, bullet by bullet")
struct WhyBulletTests {
    @Test(arguments: WhyCase.all)
    func scenario(_ scenario: WhyCase) throws {
        var edition = WhyEdition()
        scenario.edit(&edition)
        let folder = try edition.write()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let said: String
        let status: Int32
        switch scenario.command {
        case .check:
            let outcome = try CommandRunner.run(["check", folder])
            (said, status) = (outcome.standardOutput + outcome.standardError, outcome.status)
        case .build:
            let output = folder + "-out"
            defer { try? FileManager.default.removeItem(atPath: output) }
            let outcome = try CommandRunner.run(["build", folder, "--no-pdf", "--output", output])
            let report = (try? String(contentsOfFile: output + "/report.html", encoding: .utf8)) ?? ""
            (said, status) = (outcome.standardOutput + outcome.standardError + report, outcome.status)
        }
        #expect(status == scenario.status, "\(said.prefix(2000))")
        for words in scenario.says {
            #expect(said.contains(words), "expected \(words) in: \(said.prefix(2000))")
        }
        for words in scenario.neverSays {
            #expect(!said.contains(words), "did not expect \(words) in: \(said.prefix(2000))")
        }
    }
}

@Suite("Issue 13's Why: new and diff")
struct WhyNewAndDiffTests {
    @Test("new keeps the period note and its scaffold fails only for the figures left empty")
    func scaffoldKeepsManifest() throws {
        var edition = WhyEdition()
        edition.datasets = [
            "{ id: older, schema: figures, file: data/older.csv, title: Older figures, period: 2030-03, period_note: The latest published are a year old., section: activity }"
        ]
        edition.files["data/older.csv"] = "area,measure,value\nnorth,referrals,280\n"
        edition.manifestTail = "relations:\n  - { left: north/referrals, is: at-most, right: north/contacts }\n"
        let source = try edition.write()
        defer { try? FileManager.default.removeItem(atPath: source) }
        let target = source + "-next"
        defer { try? FileManager.default.removeItem(atPath: target) }
        let created = try CommandRunner.run(["new", target, "--from", source])
        #expect(created.status == 0, "\(created.standardError)")
        let manifest = (try? String(contentsOfFile: target + "/edition.yaml", encoding: .utf8)) ?? ""
        #expect(manifest.contains("The latest published are a year old."), "\(manifest)")
        let checked = try CommandRunner.run(["check", target])
        let summary = checked.standardOutput.split(separator: "\n").last.map(String.init) ?? ""
        let numbers = summary.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        #expect(numbers.count >= 2 && numbers[1] <= numbers[0], "\(summary)")
        // Every error is a figure left empty for the new year.
        let errors = checked.standardOutput.split(separator: "\n").filter { $0.contains("error:") }
        #expect(errors.count == 5, "\(checked.standardOutput)")
        for line in errors {
            #expect(line.contains("[value.missing]"), "\(line)")
        }
    }

    @Test("new keeps the partnership's own title, its period moved on")
    func scaffoldKeepsTitle() throws {
        var edition = WhyEdition()
        edition.manifestTail = ""
        let source = try edition.write()
        defer { try? FileManager.default.removeItem(atPath: source) }
        let manifestPath = source + "/edition.yaml"
        let text = try String(contentsOfFile: manifestPath, encoding: .utf8)
        try text.replacingOccurrences(
            of: "publication: { title: An invented edition }",
            with: "publication: { title: \"Keeping children safe together: 2031/32\" }"
        ).write(toFile: manifestPath, atomically: true, encoding: .utf8)
        let target = source + "-next"
        defer { try? FileManager.default.removeItem(atPath: target) }
        let created = try CommandRunner.run(["new", target, "--from", source])
        #expect(created.status == 0, "\(created.standardError)")
        let manifest = (try? String(contentsOfFile: target + "/edition.yaml", encoding: .utf8)) ?? ""
        #expect(
            manifest.contains("title: 'Keeping children safe together: 2032/33'")
                || manifest.contains("title: \"Keeping children safe together: 2032/33\""), "\(manifest)")
    }

    @Test("new keeps the manifest's opening comment and carries each parts table's values as previous")
    func scaffoldKeepsCommentAndPrevious() throws {
        var edition = WhyEdition()
        edition.datasets = [
            "{ id: spending, schema: budget, file: data/spending.csv, title: Spending, section: activity }"
        ]
        edition.files["data/spending.csv"] = "agency,amount,row\nStaffing,\"£60,000\",part\nTotal,\"£60,000\",total\n"
        let source = try edition.write()
        defer { try? FileManager.default.removeItem(atPath: source) }
        let target = source + "-next"
        defer { try? FileManager.default.removeItem(atPath: target) }
        let created = try CommandRunner.run(["new", target, "--from", source])
        #expect(created.status == 0, "\(created.standardError)")
        let manifest = (try? String(contentsOfFile: target + "/edition.yaml", encoding: .utf8)) ?? ""
        #expect(manifest.contains("# An invented edition for the issue 13 tests: not real figures."), "\(manifest)")
        let spending = (try? String(contentsOfFile: target + "/data/spending.csv", encoding: .utf8)) ?? ""
        #expect(spending.hasPrefix("agency,parent,amount,stated_percent,row,previous\r\n"), "\(spending)")
        #expect(spending.contains("Staffing,,,,part,60000\r\n"), "\(spending)")
        // Next year's check names the amount still to fill in, and nothing about the previous column.
        let checked = try CommandRunner.run(["check", target])
        #expect(!checked.standardOutput.contains("previous'"), "\(checked.standardOutput)")
    }

    @Test(
        "diff sees the manifest and the narrative",
        arguments: [
            ("edition.yaml", "name: East,", "name: Eastfield,", "Eastfield"),
            ("edition.yaml", "title: Activity,", "title: What we did,", "What we did"),
            ("narrative/activity.md", "became referrals.", "became referrals this year.", "activity"),
        ])
    func diffSeesManifestAndNarrative(file: String, old: String, new: String, shown: String) throws {
        let edition = WhyEdition()
        let left = try edition.write()
        let right = try edition.write()
        defer {
            try? FileManager.default.removeItem(atPath: left)
            try? FileManager.default.removeItem(atPath: right)
        }
        let path = right + "/" + file
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(old))
        try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
        let outcome = try CommandRunner.run(["diff", left, right])
        #expect(outcome.status == 1, "\(outcome.standardOutput)")
        #expect(outcome.standardOutput.contains(shown), "\(outcome.standardOutput)")
    }
}
