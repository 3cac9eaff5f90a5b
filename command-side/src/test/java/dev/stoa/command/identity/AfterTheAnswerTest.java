package dev.stoa.command.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The work of the identity request endpoints after their answer: one task per account at a time, the caller's context. */
class AfterTheAnswerTest {

    @Test
    void aSecondRequestWhileTheFirstWaitsAddsNothing_onceItRunsANewOneIsTaken_andTheRequestsContextGoesWithIt() throws Exception {
        AfterTheAnswer later = new AfterTheAnswer();
        later.start();
        CountDownLatch busy = new CountDownLatch(2), release = new CountDownLatch(1), done = new CountDownLatch(2);
        List<String> ran = new CopyOnWriteArrayList<>();
        try {
            for (String other : List.of("a", "b")) // both threads held up
                later.run("hold", other, () -> { busy.countDown(); await(release); });
            assertThat(busy.await(10, TimeUnit.SECONDS)).isTrue();
            MDC.put("correlationId", "req-1");
            later.run("code", "login-code:u1", () -> { ran.add("first " + MDC.get("correlationId")); done.countDown(); });
            MDC.put("correlationId", "req-2");
            later.run("code", "login-code:u1", () -> ran.add("second, while the first waits"));
            later.run("code", "login-code:u2", () -> { ran.add("another account " + MDC.get("correlationId")); done.countDown(); });
            MDC.clear();
            release.countDown();
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(ran).containsExactlyInAnyOrder("first req-1", "another account req-2");

            CountDownLatch again = new CountDownLatch(1);
            for (int i = 0; i < 100 && again.getCount() > 0; i++) { // the first's task ends just after its work
                later.run("code", "login-code:u1", again::countDown);
                again.await(100, TimeUnit.MILLISECONDS);
            }
            assertThat(again.getCount()).as("once the first ran, the account may ask again").isZero();
        } finally {
            release.countDown();
            later.stop();
        }
        assertThat(later.isRunning()).isFalse();
        later.start(); // a context stopped and started again
        CountDownLatch restarted = new CountDownLatch(1);
        later.run("code", "login-code:u3", restarted::countDown);
        assertThat(restarted.await(10, TimeUnit.SECONDS)).as("runs again after a restart").isTrue();
        later.stop();
    }

    @Test
    void aSecondRequestWhileTheFirstRunsAddsNothing_soTwoNeverPassTheCapsCheckSideBySide() throws Exception {
        AfterTheAnswer later = new AfterTheAnswer();
        later.start();
        CountDownLatch running = new CountDownLatch(1), release = new CountDownLatch(1);
        List<String> ran = new CopyOnWriteArrayList<>();
        try {
            later.run("code", "login-code:u1", () -> { ran.add("first"); running.countDown(); await(release); });
            assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
            later.run("code", "login-code:u1", () -> ran.add("second, while the first runs"));
            CountDownLatch other = new CountDownLatch(1);
            later.run("code", "login-code:u2", other::countDown);
            assertThat(other.await(10, TimeUnit.SECONDS)).as("the second thread is free: another account's runs").isTrue();
            release.countDown();
        } finally {
            release.countDown();
            later.stop(); // waits for what was taken
        }
        assertThat(ran).containsExactly("first");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
