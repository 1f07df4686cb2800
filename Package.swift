// swift-tools-version:6.1
import PackageDescription

// Data flows one way: Ingest -> Validation -> Rendering, all over the value types of ReportModel.
// The executable is a thin shell over those stages.
let package = Package(
    name: "annual-report",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "annual-report", targets: ["AnnualReportCLI"]),
        .executable(name: "annual-report-bench", targets: ["AnnualReportBench"]),
        .executable(name: "annual-report-fuzz", targets: ["AnnualReportFuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // Reads and writes .xlsx workbooks (zip archives); on Linux it builds on zlib (zlib1g-dev).
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(
            name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        // The atomic renames the output folder needs (renameat2 on Linux, renamex_np on macOS).
        .target(name: "CAtomicRename"),
        .target(name: "Publishing", dependencies: ["CAtomicRename"]),
        // Starting the PDF printer in a folder of its own (posix_spawn's change of folder), and
        // the signal handler that lets the tool end it on SIGINT, SIGTERM and SIGHUP.
        .target(name: "CChildProcess"),
        // Child processes run isolated (a private folder, a clean environment, a process group
        // ended on every exit path, a time limit): WeasyPrint, and pandoc reading and writing Word.
        .target(name: "ChildProcess", dependencies: ["CChildProcess"]),
        .target(name: "ReportModel"),
        // The narrative's Markdown: one cmark-gfm set-up and one policy for links and images,
        // which ingest checks and rendering enforces.
        .target(name: "NarrativeMarkdown", dependencies: ["CCmarkGFM"]),
        .target(
            name: "EditionFormat",
            dependencies: [
                "ReportModel", "NarrativeMarkdown", "Yams", "CLibXML2", "ChildProcess",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        // Small-number disclosure control: the stage between validation and rendering that
        // hides small counts and whatever would give them away.
        .target(name: "Disclosure", dependencies: ["ReportModel"]),
        .target(name: "Validation", dependencies: ["ReportModel", "Disclosure"]),
        .target(
            name: "Rendering",
            dependencies: [
                "ReportModel", "Validation", "NarrativeMarkdown", "EditionFormat", "CLibXML2", "CCmarkGFM",
                "ChildProcess",
                .product(name: "Mustache", package: "swift-mustache"),
            ]),
        .target(name: "Comparison", dependencies: ["ReportModel", "EditionFormat"]),
        // The stages every shell runs (read, check, protect, render, assemble the outputs), in one
        // order: check, build and preview call it, and none of them renders by another path.
        .target(
            name: "Pipeline",
            dependencies: ["ReportModel", "EditionFormat", "Validation", "Disclosure", "Rendering"]),
        .executableTarget(
            name: "AnnualReportCLI",
            dependencies: [
                "ReportModel", "EditionFormat", "Validation", "Rendering", "Comparison", "Publishing", "Pipeline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // The benchmark harness (make bench); never run by make test.
        .executableTarget(name: "AnnualReportBench", dependencies: ["EditionFormat", "Validation", "Rendering"]),
        // The libFuzzer harness (make fuzz, with -sanitize=fuzzer,address); never run by make test.
        .executableTarget(name: "AnnualReportFuzz", dependencies: ["ReportModel", "EditionFormat", "Validation", "Rendering"]),
        .testTarget(name: "EditionFormatTests", dependencies: ["EditionFormat", "ReportModel"]),
        .testTarget(name: "ValidationTests", dependencies: ["Validation", "EditionFormat", "ReportModel"]),
        .testTarget(
            name: "RenderingTests",
            dependencies: ["Rendering", "NarrativeMarkdown", "Validation", "EditionFormat", "ReportModel"]),
        .testTarget(name: "ComparisonTests", dependencies: ["Comparison", "EditionFormat", "ReportModel"]),
        .testTarget(name: "PublishingTests", dependencies: ["Publishing"]),
        .testTarget(name: "DisclosureTests", dependencies: ["Disclosure", "EditionFormat", "ReportModel", "Validation"]),
        .testTarget(
            name: "PipelineTests", dependencies: ["Pipeline", "EditionFormat", "Validation", "ReportModel"]),
        .testTarget(name: "EndToEndTests", dependencies: ["AnnualReportCLI"]),
    ]
)
