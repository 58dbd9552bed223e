package de.smartcity.catalogue.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * How much CPU processes other than this JVM and its children (the local Elasticsearch node) used during a
 * measurement, from Linux's {@code /proc/stat}: the machine is shared, and a busy neighbour shows up here.
 */
final class OtherCpu {
    /** {@code /proc/stat} counts in USER_HZ, which is 100 on every Linux that matters. */
    private static final double TICKS_PER_SECOND = 100;

    private final double machineSeconds;
    private final double ourSeconds;
    private final long startNanos;

    private OtherCpu(double machineSeconds, double ourSeconds, long startNanos) {
        this.machineSeconds = machineSeconds;
        this.ourSeconds = ourSeconds;
        this.startNanos = startNanos;
    }

    static OtherCpu start() {
        return new OtherCpu(machineBusySeconds(), ourSeconds(), System.nanoTime());
    }

    /** Cores' worth of CPU the others used since {@link #start()}: 0.5 means half a core all along. */
    double cores() {
        double wall = (System.nanoTime() - startNanos) / 1e9;
        double others = (machineBusySeconds() - machineSeconds) - (ourSeconds() - ourSeconds);
        return Math.max(0, others / wall);
    }

    /**
     * CPU seconds this JVM and its children used since {@link #start()}, over all cores: what the measured work cost,
     * which other processes' load changes far less than the time it took.
     */
    double ourCpuSeconds() {
        return ourSeconds() - ourSeconds;
    }

    private static double ourSeconds() {
        ProcessHandle self = ProcessHandle.current();
        return cpuSeconds(self) + self.descendants().mapToDouble(OtherCpu::cpuSeconds).sum();
    }

    private static double cpuSeconds(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L) / 1e9;
    }

    /** Busy time of all cores: user, nice, system, irq, softirq and steal. */
    private static double machineBusySeconds() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long[] ticks = Arrays.stream(cpu, 1, cpu.length).mapToLong(Long::parseLong).toArray();
            long busy = ticks[0] + ticks[1] + ticks[2] + ticks[5] + ticks[6] + (ticks.length > 7 ? ticks[7] : 0);
            return busy / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
