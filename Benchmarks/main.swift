// cityindex-bench: the benchmarks of issue 7. See Benchmarks/README.md.
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
if let first = arguments.first, first.hasPrefix("child-") {
    exit(Child.run(arguments))
}
do {
    let options = try BenchOptions(arguments)
    if options.help {
        print(BenchOptions.usage)
        exit(0)
    }
    var runner = Runner(options: options)
    try runner.run()
} catch {
    FileHandle.standardError.write(Data("cityindex-bench: \(error)\n".utf8))
    exit(1)
}
