import EditionFormat
import ReportModel
import Testing

/// A small, clearly synthetic edition held in memory: the Example Partnership's 2030/31 report.
/// Every name and number is made up. As written it is valid: reading it yields no findings.
/// Tests change one file at a time and look for the finding the change should cause.
enum SyntheticEdition {
    /// The edition folder; findings name files under it.
    static let folder = "ed"

    static let manifestPath = "ed/edition.yaml"
    static let measuresPath = "ed/data/measures.csv"
    static let figuresPath = "ed/data/figures.csv"
    static let budgetPath = "ed/data/budget.csv"
    static let coursesPath = "ed/data/courses.csv"
    static let correctionsPath = "ed/data/corrections.csv"
    static let introPath = "ed/narrative/intro.md"

    /// Every CSV file of the edition.
    static let csvPaths = [measuresPath, figuresPath, budgetPath, coursesPath, correctionsPath]

    /// `edition.yaml`. Line numbers matter to the manifest cases: line 1 is the comment,
    /// `partnership:` is line 2, `datasets:` line 18, `sections:` line 39.
    static let manifest = """
        # A synthetic edition for the ingest tests. Every name and number in it is made up.
        partnership:
          name: Example Partnership
          short_name: EXP
        period:
          label: 2030/31
          start: 2030-04-01
          end: 2031-03-31
        publication:
          title: Example Partnership Annual Report 2030/31
        areas:
          - key: whole
            name: Whole area
            level: partnership
            areas:
              - { key: north, name: North, level: council }
              - { key: south, name: South, level: council }
        datasets:
          - id: measures
            schema: measures
            file: data/measures.csv
            title: Measures used in this edition
          - id: figures
            schema: figures
            file: data/figures.csv
            title: Figures by area
          - id: budget
            schema: budget
            file: data/budget.csv
            title: Budget contributions
          - id: courses
            schema: training-courses
            file: data/courses.csv
            title: Training completions by course
          - id: corrections
            schema: corrections
            file: data/corrections.csv
            title: Corrections to published figures
        sections:
          - { id: intro, title: Introduction, file: narrative/intro.md }

        """

    static let measures = """
        measure,label,unit,additive,part_of,description
        contacts,Contacts received,count,yes,,Contacts received during the year.
        referrals,Referrals,count,yes,contacts,Contacts that became referrals.
        spend,Spend on training,money,yes,,
        satisfaction,Practitioners satisfied with training,percent,no,,

        """

    static let figures = """
        area,measure,value,stated_percent,percent_of,period,source
        north,contacts,"1,200",,,,
        north,referrals,300,25.0%,contacts,,
        south,contacts,800,,,2031-03,
        whole,contacts,"2,000",,,,Example Statistics Office
        whole,spend,"£12,500.50",,,,
        whole,satisfaction,87.5%,,,,

        """

    static let budget = """
        agency,parent,amount,stated_percent,row
        Council,,"£60,000",60%,part
        Police,,"£40,000",40%,part
        Total,,"£100,000",,total

        """

    static let courses = """
        course,mode,completions,row
        Basics of Example Safeguarding,e-learning,"1,000",part
        "Advanced Practice, Level 2",face to face,200,part
        Grand total,,"1,200",total

        """

    static let corrections = """
        dataset,key,column,published_value,reason,date
        budget,Police,stated_percent,45%,"Printed as 45%, but £40,000 of £100,000 is 40%.",2031-05-01

        """

    static let intro = """
        # Introduction

        This edition is synthetic: it exists only to test the ingest stage.

        """

    /// Every file of the edition as text.
    static let texts: [String: String] = [
        manifestPath: manifest,
        measuresPath: measures,
        figuresPath: figures,
        budgetPath: budget,
        coursesPath: courses,
        correctionsPath: corrections,
        introPath: intro,
    ]

    /// Every file of the edition as bytes.
    static var files: [String: [UInt8]] { texts.mapValues { Array($0.utf8) } }

    /// The manifest with `original` (which must occur exactly once) replaced by `replacement`.
    static func manifest(replacing original: String, with replacement: String) -> String {
        precondition(
            manifest.components(separatedBy: original).count == 2,
            "'\(original)' must occur exactly once in the synthetic manifest")
        return manifest.replacingOccurrences(of: original, with: replacement)
    }

    /// Every file of the edition, with the file at `path` holding `text` instead.
    static func files(replacing path: String, with text: String) -> [String: [UInt8]] {
        var files = self.files
        files[path] = Array(text.utf8)
        return files
    }

    /// Reads an edition made of `files` with the reader the tool uses.
    static func read(_ files: [String: [UInt8]]) throws(EditionReadError) -> IngestResult {
        try EditionReader(files: MemoryFileSource(files)).read(folder: folder)
    }
}

/// The findings of the synthetic edition with the file at `path` replaced by `content`.
func findings(replacing path: String, with content: String) throws -> [Finding] {
    try findings(replacing: path, withBytes: Array(content.utf8))
}

/// The findings of the synthetic edition with the file at `path` replaced by raw `bytes`, for
/// content that is not valid UTF-8.
func findings(replacing path: String, withBytes bytes: [UInt8]) throws -> [Finding] {
    var files = SyntheticEdition.files
    files[path] = bytes
    return try SyntheticEdition.read(files).findings
}

/// The findings of the synthetic edition with the file at `path` removed.
func findings(removing path: String) throws -> [Finding] {
    var files = SyntheticEdition.files
    files[path] = nil
    return try SyntheticEdition.read(files).findings
}

@Suite("The synthetic edition")
struct SyntheticEditionTests {
    @Test("reads without a single finding")
    func readsCleanly() throws {
        let result = try SyntheticEdition.read(SyntheticEdition.files)
        #expect(result.findings == [])
        let edition = try #require(result.edition)
        #expect(edition.id == "ed")
        #expect(edition.manifest.partnership.name == "Example Partnership")
        #expect(edition.manifest.reportingPeriod.label == "2030/31")
        #expect(edition.manifest.areas.map(\.key) == ["whole", "north", "south"])
        #expect(edition.manifest.areas.map(\.parent) == [nil, "whole", "whole"])
        #expect(edition.measures.count == 4)
        #expect(edition.figures.count == 6)
        #expect(edition.records(PartRow.self, in: "budget").count == 3)
        #expect(edition.records(PartRow.self, in: "courses").count == 3)
        #expect(edition.corrections.count == 1)
        #expect(edition.narrative.map(\.path) == [SyntheticEdition.introPath])
    }

    @Test("every file the manifest names is in the fixture")
    func everyNamedFileExists() throws {
        let edition = try #require(try SyntheticEdition.read(SyntheticEdition.files).edition)
        let named =
            edition.manifest.datasets.map { "ed/\($0.file)" } + edition.manifest.sections.map { "ed/\($0.file)" }
        #expect(Set(named) == Set(SyntheticEdition.texts.keys).subtracting([SyntheticEdition.manifestPath]))
    }
}
