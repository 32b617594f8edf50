package io.newsdesk.bench;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/** CPU use of the service, its PostgreSQL, this JVM and the machine over the measured window. */
final class CpuWindow {
    private final ProcessHandle service;
    private final ProcessHandle postgres;
    private volatile Map<Long, Double> pgBefore;
    private volatile Map<Long, Double> pgAfter;
    private volatile Map<Long, Double> treeBefore;
    private volatile Map<Long, Double> treeAfter;
    private volatile Map<String, Double> threadsBefore;
    private volatile Map<String, Double> threadsAfter;
    private volatile double benchBefore;
    private volatile double benchAfter;
    private volatile long[] machineBefore;
    private volatile long[] machineAfter;
    private volatile long startNanos;
    private volatile long endNanos;

    private final URI metricsUri;
    private volatile ServiceMetrics metricsBefore;
    private volatile ServiceMetrics metricsAfter;

    CpuWindow(ProcessHandle service, java.util.Optional<ProcessHandle> postgres, URI metricsUri) {
        this.service = service;
        this.metricsUri = metricsUri;
        this.postgres = postgres.orElse(null);
    }

    void begin() {
        startNanos = System.nanoTime();
        treeBefore = CpuTimes.tree(service);
        pgBefore = postgres == null ? Map.of() : CpuTimes.tree(postgres);
        threadsBefore = CpuTimes.threads(service.pid());
        benchBefore = CpuTimes.process(ProcessHandle.current().pid());
        machineBefore = CpuTimes.machine();
        metricsBefore = ServiceMetrics.scrape(metricsUri);
    }

    void end() {
        endNanos = System.nanoTime();
        treeAfter = CpuTimes.tree(service);
        pgAfter = postgres == null ? Map.of() : CpuTimes.tree(postgres);
        threadsAfter = CpuTimes.threads(service.pid());
        benchAfter = CpuTimes.process(ProcessHandle.current().pid());
        machineAfter = CpuTimes.machine();
        metricsAfter = ServiceMetrics.scrape(metricsUri);
    }

    private double seconds() {
        return (endNanos - startNanos) / 1e9;
    }

    double serviceCores(long pid) {
        return treeAfter == null ? Double.NaN : CpuTimes.delta(treeBefore, treeAfter, true, pid) / seconds();
    }

    /** The embedded PostgreSQL: the postmaster and its backends, plus anything the JVM itself started. */
    double descendantCores(long pid) {
        if (treeAfter == null) {
            return Double.NaN;
        }
        double children = CpuTimes.delta(treeBefore, treeAfter, false, pid);
        double pg = postgres == null ? 0
                : CpuTimes.delta(pgBefore, pgAfter, true, postgres.pid())
                        + CpuTimes.delta(pgBefore, pgAfter, false, postgres.pid());
        return (children + pg) / seconds();
    }

    double benchCores() {
        return (benchAfter - benchBefore) / seconds();
    }

    double machineCores() {
        if (machineAfter == null) {
            return Double.NaN;
        }
        double busy = machineAfter[0] - machineBefore[0];
        double total = machineAfter[1] - machineBefore[1];
        return busy / total * Runtime.getRuntime().availableProcessors();
    }

    String timeSplit() {
        return ServiceMetrics.between(metricsBefore, metricsAfter);
    }

    /** Cores used by the service's threads whose (kernel, digits as #) names match. */
    double serviceThreadCores(Predicate<String> names) {
        if (threadsAfter == null) {
            return Double.NaN;
        }
        return threadsAfter.entrySet().stream().filter(e -> names.test(e.getKey()))
                .mapToDouble(e -> e.getValue() - threadsBefore.getOrDefault(e.getKey(), 0.0)).sum() / seconds();
    }

    String busiestServiceThreads(long pid) {
        if (threadsAfter == null) {
            return "n/a";
        }
        StringBuilder s = new StringBuilder();
        CpuTimes.busiest(threadsBefore, threadsAfter, seconds(), 6).forEach((name, cores) ->
                s.append(s.length() == 0 ? "" : ", ").append(name).append(' ')
                        .append(String.format(Locale.ROOT, "%.2f", cores)));
        return s.toString();
    }
}
