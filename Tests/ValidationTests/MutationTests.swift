import Foundation
import ReportModel
import Testing
import Validation

/// One figure of the reference edition changed: which cell, and the new text.
struct Mutation: CustomStringConvertible {
    var why: String
    var location: ReportModel.SourceLocation
    var newText: String

    var description: String { "\(why) at \(location): -> \(newText)" }
}

/// Finds, from the structure of the data alone, every figure a rule should defend: stated
/// totals and their parts, group rows and their members, parent areas and child areas of an
/// additive measure, headlines and their breakdowns, and every stated percentage the data
/// gives a denominator for.
enum MutationPlan {
    static func mutations(of edition: Edition) -> (planned: [Mutation], unverifiable: [ReportModel.SourceLocation]) {
        var plan: [Mutation] = []
        func count(_ why: String, _ value: Decimal, _ location: ReportModel.SourceLocation) {
            plan.append(Mutation(why: why, location: location, newText: (value * 2 + 1).formatted(decimals: 0)))
        }
        for row in edition.parts {
            count(row.kind == .total ? "stated total" : "part of a total", row.value.value, row.value.location)
        }
        let parents = Dictionary(uniqueKeysWithValues: edition.manifest.areas.map { ($0.key, $0.parent) })
        let stated = Set(edition.figures.map(\.key))
        let denominators = Set(edition.figures.compactMap { $0.percentOf?.value })
        for figure in edition.figures {
            guard let measure = edition.measure(figure.measure.value) else { continue }
            let area = figure.area.value
            let hasChildren = edition.manifest.areas.contains {
                $0.parent == area && stated.contains("\($0.key)/\(measure.key)")
            }
            let parentStates = parents[area].flatMap { $0 }.map { stated.contains("\($0)/\(measure.key)") } ?? false
            let feedsDerivedDenominator = denominators.contains(measure.key) && parents[area].flatMap { $0 } != nil
            let isBreakdownPart = measure.partOf.map { stated.contains("\(area)/\($0.value)") } ?? false
            let isHeadline = edition.measures.contains {
                $0.partOf?.value == measure.key && stated.contains("\(area)/\($0.key)")
            }
            if measure.additive && (hasChildren || parentStates || feedsDerivedDenominator) || isBreakdownPart
                || isHeadline
            {
                count("figure in a total", figure.value.value.exact, figure.value.location)
            }
        }
        var unverifiable: [ReportModel.SourceLocation] = []
        let percentages =
            edition.figures.map { ($0.statedPercentage, $0.percentOf != nil) }
            + edition.parts.map { ($0.statedPercentage, true) }
            + edition.rankings.map { ($0.statedPercentage, true) }
        for case (let percentage?, let checkable) in percentages {
            guard checkable else {
                unverifiable.append(percentage.location)
                continue
            }
            let value = percentage.value.value
            let changed = value < 50 ? value + 50 : value - 40
            plan.append(
                Mutation(
                    why: "stated percentage", location: percentage.location,
                    newText: changed.formatted(decimals: percentage.value.decimals) + "%"))
        }
        return (plan, unverifiable)
    }
}

@Suite("Every single-figure change to the reference edition is caught")
struct MutationTests {
    @Test("the reference edition has no errors and shows its warnings")
    func referencePasses() throws {
        let (report, _) = try ReferenceEdition.report(files: try ReferenceEdition.files())
        #expect(report.errorCount == 0, "\(report.findings)")
        #expect(report.warningCount > 0)
        #expect(!report.passes(strict: true))
    }

    @Test("changing any stated total, part of a total or stated percentage gives a located error")
    func everyMutationIsCaught() throws {
        let files = try ReferenceEdition.files()
        let (_, edition) = try ReferenceEdition.report(files: files)
        let (plan, unverifiable) = MutationPlan.mutations(of: try #require(edition))
        #expect(plan.count > 60)
        var sameLine = 0
        for mutation in plan {
            var changed = files
            let path = mutation.location.file
            let text = String(decoding: try #require(files[path]), as: UTF8.self)
            let edited = try #require(
                CSVCell.replacing(
                    in: text, line: mutation.location.line ?? 0, column: mutation.location.column ?? 0,
                    with: mutation.newText))
            changed[path] = Array(edited.utf8)
            let (report, _) = try ReferenceEdition.report(files: changed)
            let errors = report.findings.filter { $0.severity == .error }
            #expect(!report.passes(strict: false), "not caught: \(mutation)")
            #expect(errors.contains { $0.location?.file == path }, "no error in \(path) for \(mutation): \(errors)")
            if errors.contains(where: { $0.location?.file == path && $0.location?.line == mutation.location.line }) {
                sameLine += 1
            }
        }
        print(
            "mutation test: tried \(plan.count) single-figure changes, every one caught in its file, \(sameLine) on the changed line itself; \(unverifiable.count) stated percentages have no denominator in the data and cannot be checked"
        )
    }
}
