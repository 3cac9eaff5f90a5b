package dev.stoa.app.learning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stoa.app.platform.axon.PositionGate;
import dev.stoa.app.platform.replay.EventReplay;
import dev.stoa.app.platform.replay.ProjectionBeans;
import dev.stoa.app.support.Api;
import dev.stoa.app.support.ApiTest;
import dev.stoa.app.support.Processors;
import dev.stoa.app.support.Rebuilds;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A rebuild of {@code course-read-model}, a processor of one segment whose handlers count on the log's order across
 * aggregates: a course's review events (its reviews aggregate, another sequence) set the rating of a course row its
 * creation made. The rebuild replays them in log order too, so it finishes, and every course reads as before.
 */
class CourseRebuildIT extends ApiTest {
    @Autowired EventProcessingConfiguration processing;
    @Autowired EventStore eventStore;
    @Autowired JdbcTemplate jdbc;
    @Autowired EventReplay replay;
    @Autowired ProjectionBeans beans;
    @Autowired PositionGate gate;

    private List<String> rows() { return Rebuilds.rows(jdbc, List.of("course_view", "lesson_view")); }

    @Test
    void aProcessorOfOneSegmentReplaysOnOneThread_oneOfSeveralOverTheConfiguredWorkers() {
        try (EventReplay.Run run = replay.open(beans.of("course-read-model"), null, e -> true)) {
            assertThat(run.threads()).isEqualTo(1);
        }
        try (EventReplay.Run run = replay.open(beans.of("enrollment-read-model"), null, e -> true)) {
            assertThat(run.threads()).as("stoa.replay.workers").isEqualTo(4);
        }
    }

    @Test
    void aRebuildOfTheCourseReadModelKeepsEveryCoursesRatingAndEqualsTheLiveOne() throws Exception {
        PublishedCourses courses = new PublishedCourses(api, (id, role) -> tokenAs(id, role));
        Map<String, JsonNode> before = new LinkedHashMap<>();
        for (int i = 0; i < 4; i++) {
            PublishedCourses.Course course = courses.published(unique("Rebuilt course " + i), 0, 50);
            String student = tokenFor("customer");
            Api.Response enrolled = api.post("/api/v1/courses/" + course.id() + "/enroll", "", student);
            assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
            Api.Response progress = api.post("/api/v1/courses/" + course.id() + "/progress",
                    Map.of("lessonId", course.video(), "completed", true), student);
            assertThat(progress.status()).as(progress.toString()).isEqualTo(200);
            Api.Response review = api.post("/api/v1/courses/" + course.id() + "/reviews", Map.of("rating", 2 + i), student);
            assertThat(review.status()).as(review.toString()).isEqualTo(201);
            JsonNode read = api.get("/api/v1/courses/" + course.id()).body();
            assertThat(read.at("/rating/average").asDouble()).isEqualTo(2.0 + i);
            assertThat(read.at("/rating/count").asLong()).isEqualTo(1);
            before.put(course.id(), read);
        }
        Processors processors = new Processors(processing, eventStore);
        assertThat(gate.awaitProcessor("course-read-model", processors.head(), Duration.ofSeconds(60))).isTrue();
        List<String> live = rows();

        new Rebuilds(api, tokenFor("admin")).run("course-read-model");
        assertThat(gate.awaitProcessor("course-read-model", processors.head(), Duration.ofSeconds(60))).isTrue();

        for (Map.Entry<String, JsonNode> course : before.entrySet())
            assertThat(api.get("/api/v1/courses/" + course.getKey()).body()).isEqualTo(course.getValue());
        assertThat(rows()).isEqualTo(live);
    }
}
