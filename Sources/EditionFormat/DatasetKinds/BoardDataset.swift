import ReportModel

/// The partnership board's membership.
struct BoardDataset: DatasetKind {
    var schema: DatasetSchema { Self.schema }

    static let schema = DatasetSchema(
        name: "board",
        summary: "Board membership: each seat's agency and role, grouped as member or support.",
        columns: [
            .required("agency", .text, "the agency holding the seat"),
            .required("role", .text, "the post that sits on the board"),
            .required(
                "group", .choice(["member", "support"]), "`support` for the business unit, `member` for the others"),
        ],
        key: ["agency", "role"])

    func record(from row: TypedRow, dataset: String, context: DatasetContext, findings: inout [Finding]) -> BoardMember?
    {
        guard let agency = row.text("agency"), let role = row.text("role"),
            let group = row.text("group")
        else { return nil }
        return BoardMember(
            dataset: dataset, agency: agency, role: role, group: group.value, location: row.location)
    }

    func cell(_ column: String, of seat: BoardMember) -> String {
        switch column {
        case "agency": seat.agency.value
        case "role": seat.role.value
        case "group": seat.group
        default: ""
        }
    }

    func display(_ spec: DatasetSpec) -> DatasetDisplay { .table(headings: ["Agency", "Role", "Seat"]) }

    var home: DatasetHome { .appendix(.board) }

    func displayCells(of seat: BoardMember) -> [String] {
        [seat.agency.value, seat.role.value, seat.group == "support" ? "Board support" : "Member"]
    }
}
