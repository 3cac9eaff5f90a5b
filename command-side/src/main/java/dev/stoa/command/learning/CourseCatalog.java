package dev.stoa.command.learning;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.learning.*;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * A course's facts as its own events left them (price, passing score, published or archived, its lessons with their
 * quizzes, media and text), folded from the course's stream in the event store, never from a read model (the command
 * side sees none) and never from a snapshot (whose shape is the Course aggregate's). Course streams are short: creation, edits,
 * lessons and their publication.
 */
@Component
public class CourseCatalog {
    private final EventStore events;

    public CourseCatalog(EventStore events) { this.events = events; }

    public Optional<CourseFacts> course(CourseId courseId) {
        DomainEventStream stream = events.readEvents(courseId.value(), 0);
        CourseFacts facts = null;
        while (stream.hasNext()) {
            Object e = stream.next().getPayload();
            if (e instanceof CourseCreated c) {
                facts = new CourseFacts(c.courseId(), c.instructorId(), c.title(), c.priceCents(), c.currency(),
                        c.passingScore(), false, false, new LinkedHashMap<>());
            } else if (facts == null) {
                continue; // not a course's stream
            } else if (e instanceof CourseUpdated u) {
                facts = new CourseFacts(facts.courseId(), facts.instructorId(), u.title(), u.priceCents(), u.currency(),
                        u.passingScore(), facts.published(), facts.archived(), facts.lessons());
            } else if (e instanceof CoursePublished) {
                facts = facts.withState(true, facts.archived());
            } else if (e instanceof CourseArchived) {
                facts = facts.withState(facts.published(), true);
            } else if (e instanceof LessonAdded a) {
                facts.lessons().put(a.lessonId().value(), new LessonFacts(a.lessonId(), a.type(), a.position(), false,
                        a.quiz(), a.durationSeconds(), a.contentRef(), a.body()));
            } else if (e instanceof LessonUpdated u) {
                LessonFacts before = facts.lessons().get(u.lessonId().value());
                facts.lessons().put(u.lessonId().value(), new LessonFacts(u.lessonId(), u.type(), u.position(),
                        before != null && before.published(), u.quiz(), u.durationSeconds(), u.contentRef(), u.body()));
            } else if (e instanceof LessonPublished p) {
                facts.lessons().computeIfPresent(p.lessonId().value(), (id, before) -> before.published(true));
            } else if (e instanceof LessonMediaAttached m) {
                facts.lessons().computeIfPresent(m.lessonId().value(), (id, before) -> before.withContentRef(m.contentRef()));
            } else if (e instanceof LessonMediaDetached m) {
                facts.lessons().computeIfPresent(m.lessonId().value(), (id, before) -> before.withContentRef(null));
            }
        }
        return Optional.ofNullable(facts);
    }

    /** A course as its events left it. {@code lessons} by lesson id. */
    public record CourseFacts(CourseId courseId, UserId instructorId, String title, long priceCents, String currency,
                              int passingScore, boolean published, boolean archived, Map<String, LessonFacts> lessons) {
        CourseFacts withState(boolean published, boolean archived) {
            return new CourseFacts(courseId, instructorId, title, priceCents, currency, passingScore, published, archived, lessons);
        }

        public boolean free() { return priceCents == 0; }

        /** Its instructor's or an admin's to manage: they read every lesson, a draft and an archived course too. */
        public boolean managedBy(dev.stoa.api.platform.Actor actor) {
            return actor != null && (actor.isAdmin() || actor.userId().equals(instructorId.value()));
        }

        /** Open to new students: published and not archived. */
        public boolean open() { return published && !archived; }

        /** The lessons that count: the published ones. */
        public List<LessonFacts> publishedLessons() {
            List<LessonFacts> out = new ArrayList<>();
            for (LessonFacts l : lessons.values()) if (l.published()) out.add(l);
            return out;
        }
    }

    /**
     * One lesson: its type, position, whether published, a quiz's questions (with the correct answers), and what a
     * reader gets: its duration, its media ({@code contentRef}: a stored file's ref or an external link) and its text.
     */
    public record LessonFacts(LessonId lessonId, LessonType type, int position, boolean published, List<QuizQuestion> quiz,
                              Integer durationSeconds, String contentRef, String body) {
        public LessonFacts(LessonId lessonId, LessonType type, int position, boolean published, List<QuizQuestion> quiz) {
            this(lessonId, type, position, published, quiz, null, null, null);
        }

        public boolean isQuiz() { return type == LessonType.QUIZ; }

        LessonFacts published(boolean now) {
            return new LessonFacts(lessonId, type, position, now, quiz, durationSeconds, contentRef, body);
        }

        LessonFacts withContentRef(String ref) {
            return new LessonFacts(lessonId, type, position, published, quiz, durationSeconds, ref, body);
        }
    }
}
