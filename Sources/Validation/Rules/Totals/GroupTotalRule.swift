import ReportModel

/// A group row equals the sum of the rows that name it as their parent.
struct GroupTotalRule: Rule {
    let id = "totals.group"
    let summary = "A row that other rows name as their parent equals the sum of those rows."
    let defaultSeverity = Severity.error
    let example = "Health is £101,103 but its 2 members add up to £101,104"

    func check(_ edition: Edition, policy: ValidationPolicy, log: inout RuleLog) {
        for table in PartsTable.all(in: edition) {
            let members = Dictionary(grouping: table.rows.filter { $0.parent != nil }) { $0.parent?.value ?? "" }
            for group in table.rows where members[group.key.value] != nil {
                let parts = members[group.key.value] ?? []
                let sum = parts.sum(\.value.value)
                let stated = GovUKFormat.value(group.value.value, unit: table.unit)
                let computed = GovUKFormat.value(sum, unit: table.unit)
                log.expect(
                    group.value.value == sum, "\(table.dataset): \(group.key.value) is the sum of its members",
                    "\(group.key.value) is \(stated) but its \(parts.count) members add up to \(computed)",
                    at: group.value.location, expected: computed, actual: stated)
            }
        }
    }
}
