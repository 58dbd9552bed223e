package de.smartcity.catalogue.benchmarks;

import de.smartcity.catalogue.app.Catalogue;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.main.Main;

/**
 * The search API as the app serves it, in a JVM of its own so that its heap can be capped ({@code -Xmx}) and
 * watched while {@link ExportBenchmark} downloads exports from it. It opens the catalogue on the node given by
 * {@code catalogue.es.url}, serves on {@code args[0]}, and then talks on standard input and output, one line each:
 * {@code reset} starts a measurement, {@code stats} ends it and answers
 * {@code heap <peak used> <peak live> <live at start>} in bytes. Peak used is sampled every 10 ms and includes
 * garbage not yet collected; live is what a full collection, forced once a second, leaves.
 */
public final class ExportServer {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final AtomicLong PEAK_USED = new AtomicLong();
    private static final AtomicLong PEAK_LIVE = new AtomicLong();

    private ExportServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        try (Catalogue catalogue = Catalogue.open(List.of())) {
            Main api = SearchBenchmark.startApi(catalogue, port);
            try {
                watchHeap();
                System.out.println("ready");
                System.out.flush();
                BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                long liveAtStart = 0;
                for (String command = commands.readLine(); command != null; command = commands.readLine()) {
                    if (command.equals("reset")) {
                        liveAtStart = liveHeap();
                        PEAK_USED.set(liveAtStart);
                        PEAK_LIVE.set(liveAtStart);
                        System.out.println("ok");
                    } else if (command.equals("stats")) {
                        PEAK_LIVE.accumulateAndGet(liveHeap(), Math::max);
                        System.out.println("heap " + PEAK_USED.get() + " " + PEAK_LIVE.get() + " " + liveAtStart);
                    }
                    System.out.flush();
                }
            } finally {
                api.stop();
            }
        }
    }

    private static void watchHeap() {
        Thread.ofPlatform().daemon().name("heap-sampler").start(() -> {
            long ticks = 0;
            while (true) {
                PEAK_USED.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
                if (++ticks % 100 == 0) {
                    PEAK_LIVE.accumulateAndGet(liveHeap(), Math::max);
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    /** Heap in use right after a full collection: what is still reachable. */
    private static long liveHeap() {
        System.gc();
        return MEMORY.getHeapMemoryUsage().getUsed();
    }
}
