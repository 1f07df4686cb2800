import ReportModel

/// A table's stated total equals the sum of its parts.
struct StatedTotalRule: Rule {
    let id = "totals.stated-total"
    let summary =
        "A table's stated total row equals the sum of its part rows (rows inside a group count through their group)."
    let defaultSeverity = Severity.error
    let example = "the stated total £231,675 does not equal the sum of its 3 parts, £231,676"

    func check(_ edition: Edition, policy: ValidationPolicy, log: inout RuleLog) {
        for table in PartsTable.all(in: edition) {
            let parts = table.topLevelParts
            for total in table.totals {
                let sum = parts.sum(\.value.value)
                let stated = GovUKFormat.value(total.value.value, unit: table.unit)
                let computed = GovUKFormat.value(sum, unit: table.unit)
                log.expect(
                    total.value.value == sum, "\(table.dataset): \(total.key.value) is the sum of its parts",
                    "the stated total \(stated) does not equal the sum of its \(parts.count) parts, \(computed)",
                    at: total.value.location, expected: computed, actual: stated)
            }
            if table.totals.count > 1, let second = table.totals.dropFirst().first {
                log.fail(
                    "\(table.dataset): one total row",
                    "the table has \(table.totals.count) total rows: expected one stated total",
                    at: second.location, expected: "1 total row", actual: "\(table.totals.count)")
            }
        }
    }
}
