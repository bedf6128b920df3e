public import ArgumentParser
public import FlywheelAnalytics

/// Lets `--format` take `text`, `json`, `csv` or `html` and list them in `--help`.
extension ReportFormat: ExpressibleByArgument {}
