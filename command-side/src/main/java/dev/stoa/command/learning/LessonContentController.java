package dev.stoa.command.learning;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.learning.*;
import dev.stoa.api.platform.Actor;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.ErrorCode;
import dev.stoa.command.identity.ActiveAccounts;
import dev.stoa.command.learning.CourseCatalog.CourseFacts;
import dev.stoa.command.learning.CourseCatalog.LessonFacts;
import dev.stoa.command.platform.Refusals;
import dev.stoa.command.platform.web.Commands;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.stream.IntStream;
import org.axonframework.commandhandling.CommandExecutionException;
import org.springframework.web.bind.annotation.*;

/**
 * A lesson's content, served by the command side because reading it is a fact the platform keeps: a student's first
 * opening of each lesson is recorded on the {@link Enrollment} ({@link LessonOpened}), and the refund rule counts the
 * lessons opened with those completed. Without that, a student could read every lesson, mark none complete, and be
 * refunded as if the course were untouched. Access and the lesson come from the enrollment and the course's events,
 * never from a read model, so a student who has just enrolled reads at once. The course's instructor and admins read
 * every lesson (drafts too), and their reading records nothing; neither does a later reading of the same lesson, nor a
 * {@code HEAD}.
 */
@RestController
@RequestMapping("/api/v1/courses/{courseId}/lessons/{lessonId}")
@Tag(name = "Courses")
class LessonContentController {
    private final CourseCatalog catalog;
    private final Enrollments enrollments;
    private final Commands commands;
    private final ContentUrls urls;
    private final ActiveAccounts accounts;

    LessonContentController(CourseCatalog catalog, Enrollments enrollments, Commands commands, ContentUrls urls,
                            ActiveAccounts accounts) {
        this.catalog = catalog;
        this.enrollments = enrollments;
        this.commands = commands;
        this.urls = urls;
        this.accounts = accounts;
    }

    @GetMapping("/content")
    @Operation(operationId = "getLessonContent",
            summary = "A lesson's content for an enrolled student, the instructor or an admin: a signed URL for media, the "
                    + "text, or the quiz without answers. A student's first opening of each lesson is recorded: it counts "
                    + "against a refund of the course, as a lesson completed does")
    LessonContent content(@PathVariable CourseId courseId, @PathVariable LessonId lessonId, Actor actor,
                          HttpServletRequest request) {
        CourseFacts course = catalog.course(courseId).orElseThrow(() -> DomainException.notFound("course " + courseId));
        if (course.managedBy(actor))
            return content(Optional.ofNullable(course.lessons().get(lessonId.value()))
                    .orElseThrow(() -> DomainException.notFound("lesson " + lessonId)));
        UserId me = new UserId(actor.userId());
        Optional<Reader> reader = enrollments.ask(me, courseId, e -> new Reader(e.hasAccess(), e.opened(lessonId)));
        boolean access = reader.map(Reader::access).orElse(false);
        // a draft course, or an archived one to someone without access, does not exist for students: answered as a
        // course that does not exist, whatever the lesson id
        if (!course.published() && !course.archived() || course.archived() && !access)
            throw DomainException.notFound("course " + courseId);
        LessonFacts lesson = course.lessons().get(lessonId.value());
        if (lesson == null || !lesson.published()) throw DomainException.notFound("lesson " + lessonId);
        if (reader.isEmpty()) throw new DomainException(ErrorCode.PURCHASE_REQUIRED, "enroll in the course to read its lessons");
        if (!access) throw Enrollment.readingRevoked(); // as progress says it: told so, not asked to enroll
        // recorded once per lesson (the enrollment checks again); a HEAD sends no content, so it reads nothing. A first
        // opening is a write, so it asks the account as every write does: a suspended account's token recorded one
        // (before 2026-12-07; walkthrough Z8), which then counted against the course's refund; a lesson opened before
        // is read again whatever the account's state, as other reads are
        if (!reader.get().opened()) {
            accounts.require(me, "opening a lesson", null); // a HEAD answers as its GET would (it was 200 here)
            if (!"HEAD".equals(request.getMethod())) open(new OpenLesson(me, courseId, lessonId));
        }
        return content(lesson);
    }

    /** What the enrollment says of its student for this read: access now, and whether the lesson was opened before. */
    private record Reader(boolean access, boolean opened) {}

    /** Records the opening; a progress report of the same student at the same moment may win the race once. */
    private void open(OpenLesson command) {
        try {
            commands.send(command);
        } catch (DomainException | CommandExecutionException e) {
            if (!Refusals.is(e, ErrorCode.CONCURRENT_MODIFICATION)) throw e;
            commands.send(command);
        }
    }

    private LessonContent content(LessonFacts l) {
        ContentUrls.Signed media = l.contentRef() == null ? null
                : ContentRefs.isStored(l.contentRef()) ? urls.sign(l.contentRef())
                : new ContentUrls.Signed(l.contentRef(), null); // an external link, as the instructor gave it
        String url = media == null ? null : media.url();
        return switch (l.type()) {
            case VIDEO -> new LessonContent(l.type(), url, media == null ? null : media.expiresAt(), l.durationSeconds(),
                    null, null);
            case READING, ASSIGNMENT -> new LessonContent(l.type(), url, media == null ? null : media.expiresAt(),
                    l.durationSeconds(), l.body(), null);
            case QUIZ -> new LessonContent(l.type(), null, null, l.durationSeconds(), null,
                    IntStream.range(0, l.quiz().size()).mapToObj(i -> new LessonContent.Question(i,
                            l.quiz().get(i).prompt(), l.quiz().get(i).choices(), l.quiz().get(i).correct().size() > 1))
                            .toList());
        };
    }
}
