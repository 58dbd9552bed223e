package de.smartcity.catalogue.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** A closed-loop load: client threads each send their next request as soon as their last one returned. */
final class ClosedLoop {
    private ClosedLoop() {
    }

    @FunctionalInterface
    interface Request {
        /** Sends request number {@code number} and returns when it was answered. */
        void send(int number) throws Exception;
    }

    /**
     * @param latencies  per request, in nanoseconds
     * @param seconds    wall time of the whole run
     * @param otherCores CPU that other processes used meanwhile
     */
    record Result(long[] latencies, double seconds, double otherCores) {
        double p50Millis() {
            return Statistics.percentile(latencies, 0.50) / 1e6;
        }

        double p99Millis() {
            return Statistics.percentile(latencies, 0.99) / 1e6;
        }

        double perSecond() {
            return latencies.length / seconds;
        }
    }

    /** Sends {@code requests} requests from {@code clients} threads. */
    static Result run(int clients, int requests, Request request) throws Exception {
        long[] latencies = new long[requests];
        AtomicInteger next = new AtomicInteger();
        OtherCpu others = OtherCpu.start();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                workers.add(pool.submit(() -> {
                    for (int number = next.getAndIncrement(); number < requests; number = next.getAndIncrement()) {
                        long sent = System.nanoTime();
                        request.send(number);
                        latencies[number] = System.nanoTime() - sent;
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        return new Result(latencies, (System.nanoTime() - start) / 1e9, others.cores());
    }
}
