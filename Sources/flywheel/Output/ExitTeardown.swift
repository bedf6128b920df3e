/// Values a command leaves to the process's exit instead of freeing them: after `flywheel report` has
/// written its output, freeing a gigabyte of columns array by array (one `munmap` each, while the report's
/// other threads still hold the address space) took about 80 ms at 10 M orders; the kernel's teardown at
/// exit reclaims the same memory at once. Compilers do the same (clang's `-disable-free`). Only for values
/// of a run that ends right after.
enum ExitTeardown {
    /// Keeps `values` (and everything they hold) alive until the process exits.
    static func keep(_ values: Any...) {
        _ = Unmanaged.passRetained(Kept(values))
    }

    private final class Kept {
        let values: [Any]
        init(_ values: [Any]) { self.values = values }
    }
}
