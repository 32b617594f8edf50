package io.newsdesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Facts about the machine a benchmark ran on, and memory of processes on it (Linux /proc). */
final class Machine {

    private Machine() {
    }

    /** Cores, CPU model, memory and JDK, for the line under every table. */
    static String describe() {
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpuModel() + "), " + memoryGiB()
                + " GiB RAM, JDK " + System.getProperty("java.runtime.version");
    }

    static String cpuModel() {
        return procLine(Path.of("/proc/cpuinfo"), "model name").map(l -> l.substring(l.indexOf(':') + 1).strip())
                .orElse("unknown CPU");
    }

    private static String memoryGiB() {
        return procLine(Path.of("/proc/meminfo"), "MemTotal")
                .map(l -> String.valueOf(Math.round(kibibytes(l) / 1024.0 / 1024.0))).orElse("?");
    }

    /** Resident set size of a process in MiB, NaN when it cannot be read. */
    static double rssMiB(ProcessHandle process) {
        return procLine(Path.of("/proc", String.valueOf(process.pid()), "status"), "VmRSS")
                .map(l -> kibibytes(l) / 1024.0).orElse(Double.NaN);
    }

    static double median(double... values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static double median(List<Double> values) {
        return median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static long kibibytes(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    private static java.util.Optional<String> procLine(Path file, String key) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith(key)).findFirst();
        } catch (IOException | RuntimeException notLinux) {
            return java.util.Optional.empty();
        }
    }
}
