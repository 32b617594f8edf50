package io.newsdesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** CPU seconds from /proc: of a process, of its descendants (the embedded PostgreSQL), of the whole machine. */
final class CpuTimes {

    private static final double TICKS = 100.0; // USER_HZ on Linux

    private CpuTimes() {
    }

    /** Per pid, user+system seconds of the process and each live descendant. */
    static Map<Long, Double> tree(ProcessHandle root) {
        Map<Long, Double> times = new HashMap<>();
        times.put(root.pid(), process(root.pid()));
        root.descendants().forEach(child -> times.put(child.pid(), process(child.pid())));
        return times;
    }

    /** CPU seconds spent between two snapshots by the pids in {@code after} (new pids count from zero). */
    static double delta(Map<Long, Double> before, Map<Long, Double> after, boolean rootOnly, long root) {
        return after.entrySet().stream()
                .filter(e -> rootOnly == (e.getKey() == root))
                .mapToDouble(e -> e.getValue() - before.getOrDefault(e.getKey(), 0.0))
                .filter(d -> d >= 0)
                .sum();
    }

    static double process(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    /** Busy and total jiffies of the whole machine (all cores), from /proc/stat. */
    static long[] machine() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, total};
        } catch (IOException e) {
            return new long[] {0, 1};
        }
    }

    /** CPU seconds per thread name (as the kernel truncates it) of one process. */
    static Map<String, Double> threads(long pid) {
        Map<String, Double> byName = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip()
                            .replaceAll("\\d+$", "#").replaceAll("-\\d+-", "-#-");
                    double seconds = process(pid, task.getFileName().toString());
                    byName.merge(name, seconds, Double::sum);
                } catch (IOException gone) {
                    // thread ended
                }
            }
        } catch (IOException gone) {
            // process ended
        }
        return byName;
    }

    private static double process(long pid, String tid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "task", tid, "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    /** The busiest thread groups between two {@link #threads} snapshots, in cores over {@code seconds}. */
    static Map<String, Double> busiest(Map<String, Double> before, Map<String, Double> after, double seconds, int n) {
        List<Map.Entry<String, Double>> deltas = after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), (e.getValue() - before.getOrDefault(e.getKey(), 0.0)) / seconds))
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(n)
                .toList();
        return deltas.stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
                LinkedHashMap::new));
    }
}
