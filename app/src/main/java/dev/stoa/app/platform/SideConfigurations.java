package dev.stoa.app.platform;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** Which side runs in this process: both by default; profile "command" or "query" for one of them. */
public final class SideConfigurations {
    private SideConfigurations() {}

    /** Aggregates, command handlers and the command HTTP API. */
    @Configuration
    @Profile("!query")
    @ComponentScan("dev.stoa.command")
    public static class CommandSide {}

    /** Projections, query handlers and the query HTTP API. */
    @Configuration
    @Profile("!command")
    @ComponentScan({"dev.stoa.projection", "dev.stoa.query"})
    public static class QuerySide {}
}
