import ReportModel

/// The partnership board's membership.
enum BoardDataset: DatasetKind {
    static let schema = DatasetSchema(
        name: "board",
        summary: "Board membership: each seat's agency and role, grouped as member or support.",
        columns: [
            .required("agency", .text, "the agency holding the seat"),
            .required("role", .text, "the post that sits on the board"),
            .required("group", .choice(["member", "support"]), "member, or support for the business unit"),
        ],
        key: ["agency", "role"])

    static func record(
        from row: TypedRow, dataset: String, context: IngestContext, findings: inout [Finding]
    ) -> BoardMember? {
        guard let agency = row.text("agency"), let role = row.text("role"),
            let group = row.text("group")
        else { return nil }
        return BoardMember(
            dataset: dataset, agency: agency, role: role, group: group.value, location: row.location)
    }
}
