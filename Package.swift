// swift-tools-version: 6.0
// Pantau: a feed-watching early-warning daemon.
//
// Layers (dependencies point one way, top to bottom):
//   C shims:     CCurl, CEpoll, CLibXML2, CSQLite
//   libraries:   PantauExtractor (pure) → PantauWatch (pure rules)
//                PantauFeeds (libxml2), PantauFetch (libcurl), PantauStore (SQLite),
//                PantauConfig (TOMLKit)
//   service:     PantauDaemon (scheduler, pipeline, alert log, signals)
//   executable:  pantau
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Pantau",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "pantau", targets: ["pantau"]),
        .library(name: "PantauExtractor", targets: ["PantauExtractor"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // MARK: C shims
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .systemLibrary(name: "CEpoll"),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),

        // MARK: Libraries
        .target(
            name: "PantauExtractor",
            resources: [
                .embedInCode("Resources/id-roots.txt"),
                .embedInCode("Resources/en-lexicon.txt"),
                .embedInCode("Resources/gazetteer.txt"),
                .embedInCode("Resources/cues.txt"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "PantauWatch",
            dependencies: ["PantauExtractor"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "PantauFeeds",
            dependencies: ["CLibXML2"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "PantauFetch",
            dependencies: ["CCurl", "CEpoll", .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "PantauStore",
            dependencies: ["CSQLite"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "PantauConfig",
            dependencies: ["PantauExtractor", "PantauWatch", "TOMLKit"],
            swiftSettings: swiftSettings
        ),

        // MARK: Service
        .target(
            name: "PantauDaemon",
            dependencies: [
                "PantauExtractor", "PantauWatch", "PantauFeeds", "PantauFetch",
                "PantauStore", "PantauConfig",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HeapModule", package: "swift-collections"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: Executable
        .executableTarget(
            name: "pantau",
            dependencies: [
                "PantauDaemon",
                "PantauFetch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: Benchmarks (release builds only; see Benchmarks/extract.sh)
        .executableTarget(
            name: "PantauBench",
            dependencies: ["PantauExtractor", "PantauWatch", "PantauFeeds"],
            path: "Sources/PantauBench",
            swiftSettings: swiftSettings
        ),

        // MARK: Tests
        .target(
            name: "PantauTestSupport",
            path: "Tests/PantauTestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "PantauExtractorTests", dependencies: ["PantauExtractor", "PantauTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "PantauWatchTests", dependencies: ["PantauWatch", "PantauTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "PantauFeedsTests", dependencies: ["PantauFeeds", "PantauTestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "PantauFetchTests",
            dependencies: ["PantauFetch", "PantauTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "PantauStoreTests", dependencies: ["PantauStore", "PantauTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "PantauConfigTests", dependencies: ["PantauConfig", "PantauTestSupport", "TOMLKit"], swiftSettings: swiftSettings),
        .testTarget(
            name: "PantauDaemonTests",
            dependencies: ["PantauDaemon", "PantauTestSupport"],
            swiftSettings: swiftSettings
        ),
        // Runs the built `pantau` executable as a process (signals, exit codes, output).
        .testTarget(
            name: "PantauCLITests",
            dependencies: ["pantau", "PantauTestSupport"],
            swiftSettings: swiftSettings
        ),
    ]
)
