// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "CityIndex",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "cityindex", targets: ["cityindex"]),
        .library(name: "CityIndexCore", targets: ["CityIndexCore"]),
        .library(name: "CityIndexFormats", targets: ["CityIndexFormats"]),
        .library(name: "CityIndexStore", targets: ["CityIndexStore"]),
        .library(name: "CityIndexReports", targets: ["CityIndexReports"]),
        .library(name: "CityIndexAnalysis", targets: ["CityIndexAnalysis"]),
        .library(name: "CityIndexEngine", targets: ["CityIndexEngine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // Layer 0: the methodology, no I/O.
        .target(name: "CityIndexCore"),
        // Layer 1: files in and out (criteria sets, observation CSV, CSV dialects).
        .target(
            name: "CityIndexFormats",
            dependencies: [
                "CityIndexCore", .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // Layer 1: the SQLite store, on the system libsqlite3.
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // SHA-256 from the system's libcrypto (OpenSSL, `libssl-dev`): the one function the store
        // needs, without compiling a cryptography package on every fresh clone.
        .systemLibrary(
            name: "CLibCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        .target(
            name: "CityIndexStore",
            dependencies: ["CityIndexCore", "CSQLite", "CLibCrypto"]
        ),
        // Layer 1: analyses over the methodology (sensitivity, statistical audit), no I/O.
        .target(name: "CityIndexAnalysis", dependencies: ["CityIndexCore"]),
        // Layer 2: ranked reports (CSV, Markdown).
        .target(name: "CityIndexReports", dependencies: ["CityIndexCore", "CityIndexFormats", "CityIndexAnalysis"]),
        // Layer 3: the use cases (import, score, compare, report …) as a library that every
        // front end calls: the CLI, the benchmark, the tests. Parses no arguments, prints nothing.
        .target(
            name: "CityIndexEngine",
            dependencies: ["CityIndexCore", "CityIndexFormats", "CityIndexStore", "CityIndexReports", "CityIndexAnalysis"]
        ),
        // Layer 4: the commands: option parsing plus one engine call each.
        .target(
            name: "CityIndexCLI",
            dependencies: [
                "CityIndexCore", "CityIndexFormats", "CityIndexStore", "CityIndexReports", "CityIndexAnalysis", "CityIndexEngine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "cityindex", dependencies: ["CityIndexCLI"]),
        // Benchmarks: `swift build -c release`, then `.build/release/cityindex-bench` (see Benchmarks/README.md).
        .executableTarget(
            name: "cityindex-bench",
            dependencies: [
                // No CityIndexCLI: the scale suite runs the real `cityindex` executable in child processes.
                "CityIndexCore", "CityIndexFormats", "CityIndexAnalysis", "MallocCounter",
            ],
            path: "Benchmarks",
            exclude: ["baselines", "README.md", "MallocCounter"]
        ),
        // Counts heap allocations in the benchmark process (the sensitivity replication loop must not allocate).
        .target(name: "MallocCounter", path: "Benchmarks/MallocCounter"),

        .testTarget(
            name: "CityIndexCoreTests",
            dependencies: ["CityIndexCore", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(name: "CityIndexAnalysisTests", dependencies: ["CityIndexAnalysis"]),
        .testTarget(name: "CityIndexFormatsTests", dependencies: ["CityIndexFormats"]),
        .testTarget(name: "CityIndexStoreTests", dependencies: ["CityIndexStore"]),
        .testTarget(name: "CityIndexReportsTests", dependencies: ["CityIndexReports"]),
        .testTarget(
            name: "CityIndexCLITests",
            dependencies: ["CityIndexCLI", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
    ]
)
