package dev.stoa.app.learning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.learning.CourseCreated;
import dev.stoa.api.learning.CourseId;
import dev.stoa.app.support.Api;
import dev.stoa.app.support.ApiTest;
import dev.stoa.app.support.Await;
import dev.stoa.app.support.Catalog;
import dev.stoa.app.support.ParkedLetters;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A course document Elasticsearch refuses parks its event in {@code course-search}, and course search goes on. The
 * event is stored directly (the API allows no such value): a currency longer than a keyword term can be. Before, the
 * batch failed again and again, forever, and no course published later was found.
 */
class CourseSearchRefusedDocumentIT extends ApiTest {
    private static final String PROCESSOR = "course-search";
    @Autowired
    EventStore eventStore;

    @Test
    void aRefusedCourseDocument_isParked_andCourseSearchGoesOn() {
        String admin = tokenFor("admin");
        ParkedLetters letters = new ParkedLetters(api, admin);
        CourseId refused = CourseId.random();
        try {
            eventStore.publish(new GenericDomainEventMessage<>("Course", refused.value(), 0, new CourseCreated(refused,
                    UserId.random(), "Immense currency", "d", 1_000, "U".repeat(40_000), null, 70)));
            Await.until(() -> letters.types(PROCESSOR, refused.value()).equals(List.of(CourseCreated.class.getName())),
                    Duration.ofSeconds(60), "the refused course's event parked in course-search");
            assertThat(letters.of(PROCESSOR, refused.value()).get(0).get("cause").asText())
                    .contains("course index refused", refused.value(), "400");

            Courses courses = new Courses(api);
            String tag = unique("r").substring(2);
            String category = new Catalog(api).category(admin, "Refusals " + tag, "refusals-" + tag, null);
            String instructor = tokenAs(UUID.randomUUID().toString(), "instructor");
            String later = courses.create(instructor, Courses.course("Weaving " + tag, 1_000, category));
            courses.publishLesson(instructor, later, courses.addLesson(instructor, later, Courses.reading("Start", 1, "Begin here.")));
            Api.Response published = api.post("/api/v1/courses/" + later + "/publish", null, instructor);
            assertThat(published.status()).as(published.toString()).isEqualTo(204);
            Await.until(() -> api.get("/api/v1/search?type=course&q=" + tag).body().get("items").findValuesAsText("id")
                    .contains(later), Duration.ofSeconds(60), "a course published after the refused one is found");
        } finally {
            // the read models refuse the currency too (varchar(3)): parked there before the next test runs
            letters.awaitAndEvict(refused.value(), List.of("course-read-model", "enrollment-read-model"), PROCESSOR);
        }
    }
}
