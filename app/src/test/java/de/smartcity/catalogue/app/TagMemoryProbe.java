package de.smartcity.catalogue.app;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;

/**
 * Runs {@code catalogue tag} as the command line does, in a JVM of its own, and measures the heap the command
 * keeps while it works: each time it has read another {@code args[0]} lines from standard input, and when
 * the input ends, a full collection runs and the heap still in use is noted. The largest such value goes to
 * standard error as {@code live-heap-bytes N}, after the command's own output. See
 * {@code TagCommandStreamingIT}.
 */
public final class TagMemoryProbe {
    private static long maxLiveHeap;

    private TagMemoryProbe() {
    }

    public static void main(String[] args) throws Exception {
        int linesBetweenMeasurements = Integer.parseInt(args[0]);
        System.setIn(new LineCounting(System.in, linesBetweenMeasurements));
        int exitCode = CatalogueCommand.run(new String[] {"tag"});
        System.out.flush();
        System.err.println("live-heap-bytes " + maxLiveHeap);
        System.exit(exitCode);
    }

    /** Heap in use right after a full collection: what is still reachable, give or take a little. */
    private static void measureLiveHeap() {
        System.gc();
        maxLiveHeap = Math.max(maxLiveHeap, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }

    /** Standard input that measures the live heap every so many lines the command reads, and at the end. */
    private static final class LineCounting extends FilterInputStream {
        private final int linesBetweenMeasurements;
        private long lines;

        LineCounting(InputStream in, int linesBetweenMeasurements) {
            super(in);
            this.linesBetweenMeasurements = linesBetweenMeasurements;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            counted(b == '\n' ? 1 : 0, b < 0);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            int newlines = 0;
            for (int i = offset; i < offset + read; i++) {
                newlines += buffer[i] == '\n' ? 1 : 0;
            }
            counted(newlines, read < 0);
            return read;
        }

        private void counted(int newlines, boolean end) {
            long before = lines / linesBetweenMeasurements;
            lines += newlines;
            if (end || lines / linesBetweenMeasurements > before) {
                measureLiveHeap();
            }
        }
    }
}
