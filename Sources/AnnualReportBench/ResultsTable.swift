import Foundation

/// The benchmark's results as a table, with the machine they were measured on.
enum ResultsTable {
    static func ms(_ seconds: Double) -> String {
        seconds.isNaN ? "n/a" : String(format: seconds < 0.1 ? "%.1f ms" : "%.0f ms", seconds * 1000)
    }

    static func ratio(_ peer: Double, _ ours: Double) -> String {
        peer.isNaN || ours.isNaN || ours == 0 ? "n/a" : String(format: "%.1f×", peer / ours)
    }

    static func megabytes(_ run: ProcessRun) -> String {
        run.peakMegabytes.isNaN ? "n/a" : String(format: "%.0f MB", run.peakMegabytes)
    }

    static func line(_ row: Bench.Row) -> String {
        "rows \(row.name): ingest \(ms(row.ingest)), validate \(ms(row.validate)), render \(ms(row.render)), check \(ms(row.check.seconds)) (\(String(format: "%.0f", row.check.peakMegabytes)) MB), build \(ms(row.build.seconds)) (\(String(format: "%.0f", row.build.peakMegabytes)) MB)"
    }

    static func markdown(_ rows: [Bench.Row], reference: ProcessRun, referencePandoc: Double, runs: Int) -> String {
        var text = [
            "# Benchmark results", "",
            "Written by `make bench` (`annual-report-bench`, release build). Synthetic editions, every figure invented",
            "by a fixed-seed generator: areas in \(10) regions under one whole, up to 100 indicators each (\"square\": as",
            "many indicators as areas, 1,000 x 1,000 at 10^6 rows), totals and stated percentages that agree. Our times",
            "are the median of \(runs) runs (3 at 10^6 rows); peers' of 5 (3 from 10^5 rows). `build` is run with `--no-pdf`.",
            "",
            "## Machine", "", "```", machine(), "```", "",
            "## The reference edition end to end", "",
            "`annual-report build inputs/cumbria-2023-24` (ingest, every rule, both serialisations, libxml2 verification,",
            "atomic write; `--no-pdf`) as a process: **\(ms(reference.seconds))** wall, peak memory \(megabytes(reference))",
            "(target: under 100 ms). pandoc turning the edition's narrative alone into standalone HTML, in the same run:",
            "\(ms(referencePandoc)) (ratio \(ratio(referencePandoc, reference.seconds)) in our favour when above 1).",
            "",
            "## Our stages", "",
            "| rows | ingest | validate | render | `check` (process) | peak memory | `build` (process) | peak memory | `build` ÷ `check` |",
            "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for row in rows {
            text.append(
                "| \(row.name) | \(ms(row.ingest)) | \(ms(row.validate)) | \(ms(row.render)) | \(ms(row.check.seconds)) | \(megabytes(row.check)) | \(ms(row.build.seconds)) | \(megabytes(row.build)) | \(ratio(row.build.seconds, row.check.seconds)) |"
            )
        }
        text += [
            "", "## Side by side with DuckDB doing the same checks", "",
            "`scripts/duckdb_checks.py` (Python, `read_csv` and SQL): unreadable values, duplicate keys, stated percentages",
            "against numerator and denominator, the area hierarchy, on the same figures files. Ratio above 1: we are faster.",
            "",
            "| rows | DuckDB | peak memory | ours: `check` | peak memory | ratio |",
            "| ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for row in rows {
            text.append(
                "| \(row.name) | \(ms(row.duckdb.seconds)) | \(megabytes(row.duckdb)) | \(ms(row.check.seconds)) | \(megabytes(row.check)) | \(ratio(row.duckdb.seconds, row.check.seconds)) |"
            )
        }
        text += [
            "", "## Side by side with the tools an analyst would pick instead", "",
            "| rows | frictionless `validate` (same CSVs) | ours: `check` | ratio | pandoc (same Markdown, standalone HTML) | ours: render | ratio | `xmllint --noout` (our XHTML) | ours: libxml2 in-process | ratio |",
            "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for row in rows {
            text.append(
                "| \(row.name) | \(ms(row.frictionless)) | \(ms(row.check.seconds)) | \(ratio(row.frictionless, row.check.seconds)) | \(ms(row.pandoc)) | \(ms(row.render)) | \(ratio(row.pandoc, row.render)) | \(ms(row.xmllint)) | \(ms(row.libxml2)) | \(ratio(row.xmllint, row.libxml2)) |"
            )
        }
        text += [
            "", "## Slope", "",
            "Time per tenfold increase in rows (1.0× per 10× rows would be constant; 10× is linear).", "",
            "| from → to | ingest | validate | `check` (process) | `build` (process) |",
            "| --- | ---: | ---: | ---: | ---: |",
        ]
        for (small, large) in zip(rows, rows.dropFirst()) where small.square == large.square {
            text.append(
                "| \(small.name) → \(large.name) | \(ratio(large.ingest, small.ingest)) | \(ratio(large.validate, small.validate)) | \(ratio(large.check.seconds, small.check.seconds)) | \(ratio(large.build.seconds, small.build.seconds)) |"
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
