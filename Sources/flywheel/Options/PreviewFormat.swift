import ArgumentParser

/// `flywheel flows preview --format`.
enum PreviewFormat: String, ExpressibleByArgument, CaseIterable {
    case text, html
}
