package de.smartcity.catalogue.benchmarks;

import java.util.Arrays;
import java.util.List;

/** Medians over rounds and percentiles over latencies. */
final class Statistics {
    private Statistics() {
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** The nearest-rank percentile ({@code 0 < fraction ≤ 1}) of the values, which this call sorts. */
    static long percentile(long[] values, double fraction) {
        Arrays.sort(values);
        int rank = (int) Math.ceil(fraction * values.length);
        return values[Math.max(0, rank - 1)];
    }
}
