public import ArgumentParser
public import FlywheelImport

/// Lets `--format` take `cdnow`, `cdnow-sample`, `shopify` or `csv`, and list them in `--help`.
extension ImportFormat: ExpressibleByArgument {}
