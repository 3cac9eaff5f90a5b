package dev.stoa.app.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Calls released at the same moment, each on a thread of its own: the concurrency tests' two buyers, one item. */
public final class Race {
    private Race() {}

    /** Runs the calls at once; answers their results in the calls' order. */
    public static <T> List<T> of(List<Callable<T>> calls) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) futures.add(threads.submit(() -> {
                start.await();
                return call.call();
            }));
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) results.add(f.get());
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    /** Runs the same call {@code n} times at once. */
    public static <T> List<T> times(int n, Callable<T> call) throws Exception {
        return of(Collections.nCopies(n, call));
    }
}
