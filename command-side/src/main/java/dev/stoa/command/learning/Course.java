package dev.stoa.command.learning;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.stoa.api.learning.*;
import dev.stoa.api.platform.Actor;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.ErrorCode;
import dev.stoa.command.platform.UniqueKeys;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A course with its lessons: one consistency boundary, so "published needs a published lesson" holds. Only its
 * instructor or an admin changes it. Draft → published → archived; archived is final (enrolled students keep their
 * access, nothing is deleted) and takes no more edits.
 */
@Aggregate(cache = "aggregateCache")
public class Course {
    @AggregateIdentifier
    private CourseId courseId;
    private String instructorId;
    private CourseStatus status;
    /** What its students pay in: fixed once the course is published (their grants, refunds and carts are in it). */
    private String currency;
    /** The pass mark in force: what an update that leaves it out keeps. */
    private int passingScore;
    private final Map<LessonId, Lesson> lessons = new HashMap<>();
    /** Every file uploaded to the course's lessons, by its contentRef: its media type. */
    private final Map<String, String> uploaded = new HashMap<>();

    /** What the rules need to know of a lesson. */
    private record Lesson(LessonType type, String contentRef, boolean published) {
        Lesson withContent(String ref) { return new Lesson(type, ref, published); }
    }

    protected Course() {}

    @CommandHandler
    public Course(CreateCourse cmd, UniqueKeys keys, CourseSettings settings) {
        CourseRules.requireTeacher(cmd.actor());
        if (cmd.instructorId() == null) throw DomainException.badInput("instructorId is required");
        if (!cmd.actor().isAdmin() && !cmd.actor().userId().equals(cmd.instructorId().value()))
            throw DomainException.forbidden("instructors create courses under their own id only");
        CourseDetails d = cmd.details();
        int passingScore = CourseRules.validate(d, keys, settings.defaultPassingScore());
        apply(new CourseCreated(cmd.courseId(), cmd.instructorId(), d.title().strip(), d.description(), d.priceCents(),
                d.currency(), d.categoryId(), passingScore));
    }

    @CommandHandler
    void handle(UpdateCourse cmd, UniqueKeys keys) {
        requireOwnerOrAdmin(cmd.actor());
        // a course stays with its instructor, as a product with its vendor: another one named was ignored, and the
        // change answered 204 (before 2026-12-07; walkthrough Z8)
        if (cmd.instructorId() != null && !cmd.instructorId().value().equalsIgnoreCase(instructorId))
            throw DomainException.badInput("instructorId: a course stays with its instructor (" + instructorId + ")");
        requireNotArchived();
        CourseDetails d = cmd.details();
        // left out, the pass mark stays as it is: it was reset to the default (70), and raised for every student still
        // working, by an edit of the title (before 2026-12-07; walkthrough Z40)
        int passingScore = CourseRules.validate(d, keys, this.passingScore);
        if (status == CourseStatus.PUBLISHED && !d.currency().equals(currency))
            throw DomainException.invalidTransition("a published course keeps its currency (" + currency + "): what its "
                    + "students paid, their refunds and the carts that hold it are in it; change its price instead");
        apply(new CourseUpdated(courseId, d.title().strip(), d.description(), d.priceCents(), d.currency(),
                d.categoryId(), passingScore));
    }

    @CommandHandler
    void handle(PublishCourse cmd) {
        requireOwnerOrAdmin(cmd.actor());
        requireNotArchived();
        if (status == CourseStatus.PUBLISHED) return; // publishing twice changes nothing
        if (lessons.values().stream().noneMatch(Lesson::published))
            throw new DomainException(ErrorCode.NO_PUBLISHED_LESSON,
                    "publish at least one lesson before publishing the course");
        apply(new CoursePublished(courseId));
    }

    @CommandHandler
    void handle(ArchiveCourse cmd) {
        requireOwnerOrAdmin(cmd.actor());
        if (status != CourseStatus.ARCHIVED) apply(new CourseArchived(courseId)); // archiving twice changes nothing
    }

    @CommandHandler
    void handle(AddLesson cmd) {
        requireOwnerOrAdmin(cmd.actor());
        requireNotArchived();
        if (lessons.containsKey(cmd.lessonId()))
            throw new DomainException(ErrorCode.CONFLICT_CODE, "lesson " + cmd.lessonId() + " exists already");
        LessonDetails d = CourseRules.validate(cmd.details(), courseId);
        requireUploaded(d);
        apply(new LessonAdded(courseId, cmd.lessonId(), d.title(), d.type(), d.position(), d.durationSeconds(),
                d.contentRef(), d.body(), d.quiz(), uploadedType(d.contentRef())));
    }

    @CommandHandler
    void handle(UpdateLesson cmd) {
        requireOwnerOrAdmin(cmd.actor());
        requireNotArchived();
        Lesson lesson = lesson(cmd.lessonId());
        LessonDetails d = keptMedia(CourseRules.validate(cmd.details(), courseId), lesson);
        requireUploaded(d);
        if (lesson.published()) requireContent(d.type(), d.contentRef(),
                "a published video lesson keeps its video: give its contentRef (or link one)");
        apply(new LessonUpdated(courseId, cmd.lessonId(), d.title(), d.type(), d.position(), d.durationSeconds(),
                d.contentRef(), d.body(), d.quiz(), uploadedType(d.contentRef())));
    }

    @CommandHandler
    void handle(PublishLesson cmd) {
        requireOwnerOrAdmin(cmd.actor());
        requireNotArchived();
        Lesson lesson = lesson(cmd.lessonId());
        if (lesson.published()) return;
        requireContent(lesson.type(), lesson.contentRef(), "upload the video (or link it) before publishing the lesson");
        apply(new LessonPublished(courseId, cmd.lessonId()));
    }

    /** Before an upload is stored: refused as its attachment would be, so a refused upload is never stored. */
    @CommandHandler
    void handle(CheckLessonMediaUpload cmd) { requireMediaTarget(cmd.lessonId(), cmd.mediaType(), cmd.actor()); }

    @CommandHandler
    void handle(AttachLessonMedia cmd) {
        requireMediaTarget(cmd.lessonId(), cmd.mediaType(), cmd.actor());
        if (!ContentRefs.belongsTo(cmd.contentRef(), courseId))
            throw DomainException.badInput("contentRef must be media uploaded to this course");
        apply(new LessonMediaAttached(courseId, cmd.lessonId(), cmd.contentRef(), cmd.mediaType(), cmd.sizeBytes()));
    }

    @CommandHandler
    void handle(DetachLessonMedia cmd) {
        requireOwnerOrAdmin(cmd.actor());
        requireNotArchived();
        Lesson lesson = lesson(cmd.lessonId());
        if (lesson.contentRef() == null) return; // nothing attached: nothing changes (a DELETE again)
        if (lesson.published()) requireContent(lesson.type(), null,
                "a published video lesson keeps its video: upload another (or link one) to replace it");
        apply(new LessonMediaDetached(courseId, cmd.lessonId(), lesson.contentRef()));
    }

    /**
     * An update that leaves out {@code contentRef} keeps the lesson's media where the lesson's (new) type takes it: an
     * upload attaches a file to the lesson, so a reading's text edited without it lost its attachment, and a video
     * lesson's edit was refused, before 2026-12-07 (walkthrough Z40). {@code DELETE .../media} takes media off.
     */
    private LessonDetails keptMedia(LessonDetails d, Lesson lesson) {
        String current = lesson.contentRef();
        if (d.contentRef() != null || current == null) return d;
        boolean fits = switch (d.type()) {
            case READING, ASSIGNMENT -> true;
            case VIDEO -> {
                String type = uploaded.get(current); // null: a link; "": an upload of a type not recorded
                yield type == null ? ContentRefs.isExternal(current) : type.isEmpty() || type.startsWith("video/");
            }
            case QUIZ -> false;
        };
        return fits ? new LessonDetails(d.title(), d.type(), d.position(), d.durationSeconds(), current, d.body(), d.quiz())
                : d;
    }

    /** The actor may change the course, it is not archived, and the lesson takes media of this type. */
    private void requireMediaTarget(LessonId lessonId, String mediaType, Actor actor) {
        requireOwnerOrAdmin(actor);
        requireNotArchived();
        Lesson lesson = lesson(lessonId);
        if (lesson.type() == LessonType.QUIZ) throw DomainException.badInput("a quiz lesson takes no media");
        if (lesson.type() == LessonType.VIDEO && (mediaType == null || !mediaType.startsWith("video/")))
            throw DomainException.badInput("a video lesson takes a video (mp4 or webm)");
    }

    /**
     * Only its instructor or an admin changes it (403 for others once it is published). A course the public does not
     * see (a draft, an archived one) is answered to anybody else as a course that does not exist (the same exception,
     * so the same 404 and detail): a draft's existence is nobody else's to know of.
     */
    private void requireOwnerOrAdmin(Actor actor) {
        boolean owner = actor != null && (actor.isAdmin() || actor.userId().equals(instructorId));
        if (status != CourseStatus.PUBLISHED && !owner)
            throw new AggregateNotFoundException(courseId.value(), "no course " + courseId.value());
        CourseRules.requireOwnerOrAdmin(actor, instructorId);
    }

    private Lesson lesson(LessonId id) {
        Lesson lesson = lessons.get(id);
        if (lesson == null) throw DomainException.notFound("lesson " + id);
        return lesson;
    }

    private void requireNotArchived() {
        if (status == CourseStatus.ARCHIVED) throw DomainException.invalidTransition("the course is archived");
    }

    /**
     * A contentRef naming the course's own storage names a file uploaded to it, of a type the lesson takes (a video for a
     * video lesson, as an upload is checked): a made-up ref, or a PDF given to a video lesson, was published before
     * 2026-12-07, and its students got a player of a file that was not there, or not a video (walkthrough Z40).
     */
    private void requireUploaded(LessonDetails d) {
        String ref = d.contentRef();
        if (ref == null || !ContentRefs.belongsTo(ref, courseId)) return;
        String type = uploaded.get(ref);
        if (type == null)
            throw DomainException.invalidField("contentRef", "contentRef " + ref + " names no file uploaded to this course",
                    "names no file uploaded to this course: upload it to the lesson (POST .../media), or give an https link");
        if (d.type() == LessonType.VIDEO && !type.isEmpty() && !type.startsWith("video/"))
            throw DomainException.invalidField("contentRef", "contentRef " + ref + " is " + type + ": a video lesson takes a video",
                    "is " + type + ": a video lesson takes a video (mp4 or webm)");
    }

    /**
     * The type of the course's upload a contentRef names, for the lesson's read (null for a link or none): a file given
     * again by its ref read {@code mediaType} null to its instructor before 2026-12-07 (walkthrough Z44).
     */
    private String uploadedType(String ref) {
        String type = ref == null ? null : uploaded.get(ref);
        return type == null || type.isEmpty() ? null : type;
    }

    /** A video lesson without its video: refused, in the words of what the request was doing. */
    private static void requireContent(LessonType type, String contentRef, String why) {
        if (type == LessonType.VIDEO && contentRef == null) throw new DomainException(ErrorCode.LESSON_CONTENT_MISSING, why);
    }

    @EventSourcingHandler
    void on(CourseCreated e) {
        courseId = e.courseId();
        instructorId = e.instructorId().value();
        status = CourseStatus.DRAFT;
        currency = e.currency();
        passingScore = e.passingScore();
    }

    @EventSourcingHandler
    void on(CourseUpdated e) {
        currency = e.currency();
        passingScore = e.passingScore();
    }

    @EventSourcingHandler
    void on(CoursePublished e) { status = CourseStatus.PUBLISHED; }

    @EventSourcingHandler
    void on(CourseArchived e) { status = CourseStatus.ARCHIVED; }

    @EventSourcingHandler
    void on(LessonAdded e) { lessons.put(e.lessonId(), new Lesson(e.type(), e.contentRef(), false)); }

    @EventSourcingHandler
    void on(LessonUpdated e) {
        lessons.put(e.lessonId(), new Lesson(e.type(), e.contentRef(), lessons.get(e.lessonId()).published()));
    }

    @EventSourcingHandler
    void on(LessonPublished e) {
        Lesson l = lessons.get(e.lessonId());
        lessons.put(e.lessonId(), new Lesson(l.type(), l.contentRef(), true));
    }

    @EventSourcingHandler
    void on(LessonMediaDetached e) { lessons.put(e.lessonId(), lessons.get(e.lessonId()).withContent(null)); }

    @EventSourcingHandler
    void on(LessonMediaAttached e) {
        lessons.put(e.lessonId(), lessons.get(e.lessonId()).withContent(e.contentRef()));
        uploaded.put(e.contentRef(), e.mediaType() == null ? "" : e.mediaType()); // "": a type not recorded
    }
}
