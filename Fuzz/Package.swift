// swift-tools-version: 6.1
// libFuzzer targets for CityIndex's readers of untrusted files. Build and run with `./run.sh`
// (see README.md); each target is an executable exporting `LLVMFuzzerTestOneInput`.
import PackageDescription

let formats = Target.Dependency.product(name: "CityIndexFormats", package: "main")

let package = Package(
    name: "CityIndexFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "main", path: "..")],
    targets: [
        .executableTarget(name: "FuzzCSV", dependencies: [formats]),
        .executableTarget(name: "FuzzObservations", dependencies: [formats]),
        .executableTarget(name: "FuzzCriteriaYAML", dependencies: [formats]),
        .executableTarget(name: "FuzzCriteriaTable", dependencies: [formats]),
        .executableTarget(name: "FuzzXLSX", dependencies: [formats]),
    ]
)
