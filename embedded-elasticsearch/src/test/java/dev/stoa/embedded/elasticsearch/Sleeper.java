package dev.stoa.embedded.elasticsearch;

/** A process that only sleeps: tagged like our child JVMs, it looks like a leftover node. */
public final class Sleeper {

    public static void main(String[] args) throws InterruptedException {
        Thread.sleep(Long.MAX_VALUE);
    }
}
