import Foundation

/// The benchmark's results as a table, with the machine they were measured on.
enum ResultsTable {
    static func ms(_ seconds: Double) -> String {
        seconds.isNaN ? "n/a" : String(format: seconds < 0.1 ? "%.1f ms" : "%.0f ms", seconds * 1000)
    }

    static func ratio(_ peer: Double, _ ours: Double) -> String {
        peer.isNaN || ours.isNaN || ours == 0 ? "n/a" : String(format: "%.1f×", peer / ours)
    }

    static func line(_ row: Bench.Row) -> String {
        "rows \(row.rows): ingest \(ms(row.ingest)), validate \(ms(row.validate)), render \(ms(row.render)), check \(ms(row.check.seconds)) (\(String(format: "%.0f", row.check.peakMegabytes)) MB), build \(ms(row.build.seconds)) (\(String(format: "%.0f", row.build.peakMegabytes)) MB)"
    }

    static func markdown(_ rows: [Bench.Row], reference: ProcessRun, runs: Int) -> String {
        var text = [
            "# Benchmark results", "",
            "Written by `make bench` (`annual-report-bench`, release build). Synthetic editions, every figure invented",
            "by a fixed-seed generator: areas in \(10) regions under one whole, up to 100 indicators each, totals and",
            "stated percentages that agree. Our times are the median of \(runs) runs; peers' of 5 (3 from 10^5 rows).",
            "",
            "## Machine", "", "```", machine(), "```", "",
            "## The reference edition end to end", "",
            "`annual-report build inputs/cumbria-2023-24` (ingest, every rule, both serialisations, libxml2 verification,",
            "atomic write) as a process: **\(ms(reference.seconds))** wall, peak memory \(String(format: "%.0f", reference.peakMegabytes)) MB (target: under 100 ms).",
            "",
            "## Our stages", "",
            "| rows | ingest | validate | render | `check` (process) | peak memory | `build` (process) | peak memory |",
            "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for row in rows {
            text.append(
                "| \(row.rows) | \(ms(row.ingest)) | \(ms(row.validate)) | \(ms(row.render)) | \(ms(row.check.seconds)) | \(String(format: "%.0f MB", row.check.peakMegabytes)) | \(ms(row.build.seconds)) | \(String(format: "%.0f MB", row.build.peakMegabytes)) |"
            )
        }
        text += [
            "", "## Side by side with the tools an analyst would pick instead", "",
            "| rows | frictionless `validate` (same CSVs) | ours: `check` | ratio | pandoc (same Markdown, standalone HTML) | ours: render | ratio | `xmllint --noout` (our XHTML) | ours: libxml2 in-process | ratio |",
            "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for row in rows {
            text.append(
                "| \(row.rows) | \(ms(row.frictionless)) | \(ms(row.check.seconds)) | \(ratio(row.frictionless, row.check.seconds)) | \(ms(row.pandoc)) | \(ms(row.render)) | \(ratio(row.pandoc, row.render)) | \(ms(row.xmllint)) | \(ms(row.libxml2)) | \(ratio(row.xmllint, row.libxml2)) |"
            )
        }
        text += [
            "", "## Slope", "",
            "Time per tenfold increase in rows (1.0× per 10× rows would be constant; 10× is linear).", "",
            "| from → to | ingest | validate | `check` (process) |", "| --- | ---: | ---: | ---: |",
        ]
        for (small, large) in zip(rows, rows.dropFirst()) {
            text.append(
                "| \(small.rows) → \(large.rows) | \(ratio(large.ingest, small.ingest)) | \(ratio(large.validate, small.validate)) | \(ratio(large.check.seconds, small.check.seconds)) |"
            )
        }
        return text.joined(separator: "\n") + "\n"
    }

    static func machine() -> String {
        let cpu =
            (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("model name") }?
            .split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "unknown"
        let memory =
            (try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("MemTotal") }.map(String.init) ?? ""
        return [
            "CPU: \(cpu), \(ProcessInfo.processInfo.activeProcessorCount) cores",
            memory.replacingOccurrences(of: "  ", with: ""),
            "OS: \(ProcessInfo.processInfo.operatingSystemVersionString)",
        ].joined(separator: "\n")
    }
}
