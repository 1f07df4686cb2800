import Foundation

#if FUZZING
    /// libFuzzer's driver, which parses its own options from the command line and calls back
    /// with each input. (SwiftPM names an executable's entry point itself, so libFuzzer's own
    /// `main` cannot be used.)
    @_silgen_name("LLVMFuzzerRunDriver")
    func runFuzzerDriver(
        _ argc: UnsafeMutablePointer<Int32>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
    ) -> Int32
#endif

/// `make fuzz` builds this with -sanitize=fuzzer,address -DFUZZING; built plainly (as
/// `swift build` does), it only says how to run it.
@main
struct FuzzEntry {
    static func main() {
        #if FUZZING
            var argc = CommandLine.argc
            var argv = CommandLine.unsafeArgv
            let status = runFuzzerDriver(&argc, &argv) { data, size in
                FuzzTarget.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
                return 0
            }
            exit(status)
        #else
            print("annual-report-fuzz runs under libFuzzer: use `make fuzz`")
        #endif
    }
}
