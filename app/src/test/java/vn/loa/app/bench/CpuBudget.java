package vn.loa.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Where the CPU went during a measured interval, from /proc: this JVM's threads grouped by name
 * (the pool's name without its number; the JVM's own GC and JIT threads too), the PostgreSQL
 * processes on the machine, and other java processes. A sampling
 * profiler on two busy cores sees few samples of a two-second burst; the threads' own CPU clocks
 * count all of it.
 */
final class CpuBudget {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    private final Map<Long, Long> threadNanos;
    private final Map<Long, String> threadNames;
    private final double postgresSeconds;
    private final double otherJavaSeconds;
    private final double processSeconds;
    private final long startedAt = System.nanoTime();

    private CpuBudget(
            Map<Long, Long> threadNanos,
            Map<Long, String> threadNames,
            double postgresSeconds,
            double otherJavaSeconds,
            double processSeconds) {
        this.threadNanos = threadNanos;
        this.threadNames = threadNames;
        this.postgresSeconds = postgresSeconds;
        this.otherJavaSeconds = otherJavaSeconds;
        this.processSeconds = processSeconds;
    }

    static CpuBudget start() {
        var nanos = new HashMap<Long, Long>();
        var names = new HashMap<Long, String>();
        threads(nanos, names);
        return new CpuBudget(
                nanos,
                names,
                processesSeconds("(postgres)"),
                processesSeconds("(java)") - cpuSeconds(Path.of("/proc/self/stat")),
                cpuSeconds(Path.of("/proc/self/stat")));
    }

    /** One line: wall time, the JVM's CPU by thread group (largest first), PostgreSQL's CPU. */
    String since() {
        double wall = (System.nanoTime() - startedAt) / 1e9;
        var nanos = new HashMap<Long, Long>();
        var names = new HashMap<Long, String>();
        threads(nanos, names);
        var byGroup = new TreeMap<String, Double>();
        var threadsInGroup = new TreeMap<String, Integer>();
        nanos.forEach((id, now) -> {
            double used = (now - threadNanos.getOrDefault(id, 0L)) / 1e9;
            byGroup.merge(group(names.get(id)), used, Double::sum);
            threadsInGroup.merge(group(names.get(id)), 1, Integer::sum);
        });
        var line = new StringBuilder(String.format(
                "wall %.2f s; this JVM %.2f s CPU (", wall, cpuSeconds(Path.of("/proc/self/stat")) - processSeconds));
        byGroup.entrySet().stream()
                .filter(e -> e.getValue() >= 0.01)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> line.append(
                        String.format("%s ×%d %.2f, ", e.getKey(), threadsInGroup.get(e.getKey()), e.getValue())));
        line.setLength(line.length() - 2);
        double self = cpuSeconds(Path.of("/proc/self/stat"));
        line.append(String.format(
                "); PostgreSQL %.2f s CPU; other java processes (further nodes, Maven) %.2f s CPU",
                processesSeconds("(postgres)") - postgresSeconds,
                processesSeconds("(java)") - self - otherJavaSeconds));
        return line.toString();
    }

    private static String group(String name) {
        return name == null ? "?" : name.replaceAll("[-#_ ]?\\d*$", "");
    }

    /**
     * Every thread of this process from /proc/self/task, the JVM's own (GC, JIT) included; names
     * are the kernel's, cut to 15 characters.
     */
    private static void threads(Map<Long, Long> nanos, Map<Long, String> names) {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(task -> {
                try {
                    // schedstat's first field: the thread's time on a CPU in nanoseconds, exact
                    // (stat's clock ticks are too coarse for threads that run a millisecond at a time).
                    var schedstat = Files.readString(task.resolve("schedstat"));
                    long id = Long.parseLong(task.getFileName().toString());
                    nanos.put(id, Long.parseLong(schedstat.substring(0, schedstat.indexOf(' '))));
                    names.put(id, Files.readString(task.resolve("comm")).trim());
                } catch (IOException | RuntimeException gone) {
                    // ended meanwhile
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/self/task", e);
        }
    }

    /** utime + stime of every process with this command name ("(postgres)": the server and its backends). */
    private static double processesSeconds(String command) {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToDouble(p -> {
                        try {
                            var stat = Files.readString(p.resolve("stat"));
                            return stat.contains(command) ? cpuSeconds(stat) : 0;
                        } catch (IOException | RuntimeException gone) {
                            return 0; // ended meanwhile
                        }
                    })
                    .sum();
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    private static double cpuSeconds(Path stat) {
        try {
            return cpuSeconds(Files.readString(stat));
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    /** Fields 14 and 15 of /proc/PID/stat, counted after the command name's closing parenthesis. */
    private static double cpuSeconds(String stat) {
        var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }
}
