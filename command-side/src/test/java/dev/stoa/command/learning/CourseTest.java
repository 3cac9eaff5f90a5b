package dev.stoa.command.learning;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.stoa.api.catalog.CategoryId;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.learning.*;
import dev.stoa.api.platform.Actor;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.Roles;
import dev.stoa.command.platform.UniqueKeys;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.Test;

/** The Course aggregate: who may change it, its states, and the rules of its fields and lessons. */
class CourseTest {
    private static final String CATEGORY_KEY = "category-id"; // persisted key name, spelled out on purpose

    private final CourseId courseId = CourseId.random();
    private final LessonId lessonId = LessonId.random();
    private final UserId instructorId = UserId.random();
    private final Actor instructor = new Actor(instructorId.value(), Set.of(Roles.INSTRUCTOR));
    private final Actor otherInstructor = new Actor(UserId.random().value(), Set.of(Roles.INSTRUCTOR));
    private final Actor student = new Actor(UserId.random().value(), Set.of(Roles.CUSTOMER));
    private final Actor admin = new Actor(UserId.random().value(), Set.of(Roles.ADMIN));
    private final CategoryId categoryId = CategoryId.random();
    private final String ownMedia = courseId.value() + "." + java.util.UUID.randomUUID();

    private FixtureConfiguration<Course> fixture;

    @BeforeEach
    void setUp() {
        UniqueKeys keys = mock(UniqueKeys.class);
        when(keys.exists(anyString(), anyString())).thenReturn(false);
        when(keys.exists(CATEGORY_KEY, categoryId.value())).thenReturn(true);
        fixture = new AggregateTestFixture<>(Course.class);
        fixture.registerInjectableResource(keys);
        fixture.registerInjectableResource(new CourseSettings(70));
    }

    private CourseDetails details(Integer passingScore) {
        return new CourseDetails(" Java basics ", "Learn Java", 4900, "USD", categoryId, passingScore);
    }

    private CourseCreated created() {
        return new CourseCreated(courseId, instructorId, "Java basics", "Learn Java", 4900, "USD", categoryId, 70);
    }

    private LessonAdded readingAdded() {
        return new LessonAdded(courseId, lessonId, "Intro", LessonType.READING, 1, 300, null, "Read me", List.of(), null);
    }

    // ---- create and update

    @Test
    void givenNothing_whenInstructorCreatesOwnCourse_thenDraftWithDefaultPassingScore() {
        fixture.givenNoPriorActivity()
                .when(new CreateCourse(courseId, instructorId, details(null), instructor))
                .expectEvents(created());
    }

    @Test
    void givenNothing_whenAdminCreatesForInstructor_thenCreatedWithGivenPassingScore() {
        fixture.givenNoPriorActivity()
                .when(new CreateCourse(courseId, instructorId, details(85), admin))
                .expectEvents(new CourseCreated(courseId, instructorId, "Java basics", "Learn Java", 4900, "USD",
                        categoryId, 85));
    }

    @Test
    void givenNothing_whenInstructorCreatesForAnother_thenForbidden() {
        fixture.givenNoPriorActivity()
                .when(new CreateCourse(courseId, UserId.random(), details(null), instructor))
                .expectException(refusal("forbidden"));
    }

    @Test
    void givenNothing_whenStudentCreates_thenForbidden() {
        fixture.givenNoPriorActivity()
                .when(new CreateCourse(courseId, new UserId(student.userId()), details(null), student))
                .expectException(refusal("forbidden"));
    }

    @Test
    void givenNothing_whenFieldsInvalid_thenValidationFailed() {
        for (CourseDetails bad : List.of(
                new CourseDetails(" ", null, 0, "USD", null, null),
                new CourseDetails("T", null, -1, "USD", null, null),
                new CourseDetails("T", null, 0, "usd", null, null),
                new CourseDetails("T", null, 0, "USD", null, 101),
                new CourseDetails("T", null, 0, "USD", null, -1))) {
            fixture.givenNoPriorActivity()
                    .when(new CreateCourse(courseId, instructorId, bad, instructor))
                    .expectException(refusal("validation_failed"));
        }
    }

    @Test
    void givenNothing_whenCategoryUnknown_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateCourse(courseId, instructorId,
                        new CourseDetails("T", null, 0, "USD", CategoryId.random(), null), instructor))
                .expectException(refusal("unknown_category"));
    }

    /** A draft is nobody else's to know of: answered as no such course; a published course is public: 403. */
    @Test
    void givenDraft_whenOtherInstructorUpdates_thenNotFound_givenPublished_thenForbidden() {
        fixture.given(created())
                .when(new UpdateCourse(courseId, details(null), otherInstructor))
                .expectException(AggregateNotFoundException.class); // as for no such course
        fixture.given(created(), readingAdded(), new LessonPublished(courseId, lessonId), new CoursePublished(courseId))
                .when(new UpdateCourse(courseId, details(null), otherInstructor))
                .expectException(refusal("forbidden"));
    }

    @Test
    void givenCourse_whenOwnerUpdatesToFree_thenUpdated() {
        fixture.given(created())
                .when(new UpdateCourse(courseId, new CourseDetails("Java", null, 0, "EUR", null, 50), instructor))
                .expectEvents(new CourseUpdated(courseId, "Java", null, 0, "EUR", null, 50));
    }

    /**
     * A course stays with its instructor: a PUT naming another (an admin's too) is refused, where it was ignored and
     * answered 204 (before 2026-12-07; walkthrough Z8); naming its own, in any case, changes nothing.
     */
    @Test
    void givenCourse_whenUpdateNamesAnotherInstructor_thenRefused_itsOwnIsTaken() {
        fixture.given(created())
                .when(new UpdateCourse(courseId, details(null), instructor, UserId.random()))
                .expectException(refusal("validation_failed"));
        fixture.given(created())
                .when(new UpdateCourse(courseId, details(null), admin, UserId.random()))
                .expectException(refusal("validation_failed"));
        fixture.given(created())
                .when(new UpdateCourse(courseId, new CourseDetails("Java", null, 0, "EUR", null, 50), instructor,
                        new UserId(instructorId.value().toUpperCase(java.util.Locale.ROOT))))
                .expectEvents(new CourseUpdated(courseId, "Java", null, 0, "EUR", null, 50));
    }

    /** Its students paid in its currency, their refunds go back in it, carts hold it: fixed once it is published. */
    @Test
    void givenPublishedCourse_whenCurrencyChanges_thenRefused_butPriceChangesAndADraftsCurrencyDo() {
        fixture.given(created(), readingAdded(), new LessonPublished(courseId, lessonId), new CoursePublished(courseId))
                .when(new UpdateCourse(courseId, new CourseDetails("Java", null, 4900, "EUR", categoryId, 70), instructor))
                .expectException(refusal("invalid_transition")).expectNoEvents();
        fixture.given(created(), new CourseUpdated(courseId, "Java", null, 3900, "EUR", categoryId, 70), readingAdded(),
                        new LessonPublished(courseId, lessonId), new CoursePublished(courseId))
                .when(new UpdateCourse(courseId, new CourseDetails("Java", null, 2900, "EUR", categoryId, 70), instructor))
                .expectEvents(new CourseUpdated(courseId, "Java", null, 2900, "EUR", categoryId, 70));
    }

    // ---- publish and archive

    @Test
    void givenDraftCourseWithoutPublishedLesson_whenPublish_thenRefused() {
        fixture.given(created(), readingAdded())
                .when(new PublishCourse(courseId, instructor))
                .expectException(refusal("no_published_lesson"));
    }

    @Test
    void givenDraftCourseWithPublishedLesson_whenPublish_thenPublished() {
        fixture.given(created(), readingAdded(), new LessonPublished(courseId, lessonId))
                .when(new PublishCourse(courseId, instructor))
                .expectEvents(new CoursePublished(courseId));
    }

    @Test
    void givenPublishedCourse_whenPublishAgain_thenNothingHappens() {
        fixture.given(created(), readingAdded(), new LessonPublished(courseId, lessonId), new CoursePublished(courseId))
                .when(new PublishCourse(courseId, admin))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void givenCourse_whenStudentArchives_thenNotFoundForADraft_forbiddenOnceItIsPublished() {
        fixture.given(created())
                .when(new ArchiveCourse(courseId, student))
                .expectException(AggregateNotFoundException.class); // as for no such course
        fixture.given(created(), readingAdded(), new LessonPublished(courseId, lessonId), new CoursePublished(courseId))
                .when(new ArchiveCourse(courseId, student))
                .expectException(refusal("forbidden"));
    }

    @Test
    void givenPublishedCourse_whenAdminArchives_thenArchivedAndNoMoreEdits() {
        fixture.given(created(), readingAdded(), new LessonPublished(courseId, lessonId), new CoursePublished(courseId))
                .when(new ArchiveCourse(courseId, admin))
                .expectEvents(new CourseArchived(courseId));
        fixture.given(created(), new CourseArchived(courseId))
                .when(new UpdateCourse(courseId, details(null), instructor))
                .expectException(refusal("invalid_transition"));
        fixture.given(created(), new CourseArchived(courseId))
                .when(new PublishCourse(courseId, instructor))
                .expectException(refusal("invalid_transition"));
    }

    // ---- lessons

    @Test
    void givenCourse_whenOwnerAddsQuiz_thenLessonAdded() {
        List<QuizQuestion> quiz = List.of(new QuizQuestion("2+2?", List.of("3", "4"), Set.of(1)));
        fixture.given(created())
                .when(new AddLesson(courseId, lessonId, new LessonDetails("Check", LessonType.QUIZ, 3, null,
                        "ignored", "ignored", quiz), instructor))
                .expectEvents(new LessonAdded(courseId, lessonId, "Check", LessonType.QUIZ, 3, null, null, null, quiz, null));
    }

    @Test
    void givenCourse_whenQuizInvalid_thenValidationFailed() {
        for (List<QuizQuestion> bad : List.of(
                List.<QuizQuestion>of(),
                List.of(new QuizQuestion("Q", List.of("only"), Set.of(0))),
                List.of(new QuizQuestion("Q", List.of("a", "b"), Set.of())),
                List.of(new QuizQuestion("Q", List.of("a", "b"), Set.of(2))),
                List.of(new QuizQuestion(" ", List.of("a", "b"), Set.of(0))))) {
            fixture.given(created())
                    .when(new AddLesson(courseId, lessonId, new LessonDetails("Q", LessonType.QUIZ, 1, null, null,
                            null, bad), instructor))
                    .expectException(refusal("validation_failed"));
        }
    }

    @Test
    void givenCourse_whenLessonFieldsMissingForType_thenValidationFailed() {
        for (LessonDetails bad : List.of(
                new LessonDetails("V", LessonType.VIDEO, 1, null, null, null, null),
                new LessonDetails("R", LessonType.READING, 1, null, null, " ", null),
                new LessonDetails("A", LessonType.ASSIGNMENT, 1, null, null, null, null),
                new LessonDetails("R", LessonType.READING, 0, null, null, "body", null),
                new LessonDetails("V", LessonType.VIDEO, 1, 60, CourseId.random() + "." + java.util.UUID.randomUUID(), null, null),
                new LessonDetails("V", LessonType.VIDEO, 1, 60, "http://plain.example/v.mp4", null, null))) {
            fixture.given(created())
                    .when(new AddLesson(courseId, lessonId, bad, instructor))
                    .expectException(refusal("validation_failed"));
        }
    }

    @Test
    void givenPublished_whenOtherInstructorAddsLesson_thenForbidden() {
        fixture.given(created(), readingAdded(), new LessonPublished(courseId, lessonId), new CoursePublished(courseId))
                .when(new AddLesson(courseId, lessonId, new LessonDetails("R", LessonType.READING, 1, null, null,
                        "b", null), otherInstructor))
                .expectException(refusal("forbidden"));
    }

    @Test
    void givenVideoWithoutMedia_whenPublishLesson_thenRefused() {
        fixture.given(created(), new LessonAdded(courseId, lessonId, "V", LessonType.VIDEO, 1, 60, null, null, List.of(), null))
                .when(new PublishLesson(courseId, lessonId, instructor))
                .expectException(refusal("lesson_content_missing"));
    }

    @Test
    void givenVideoWithAttachedMedia_whenPublishLesson_thenPublished() {
        fixture.given(created(), new LessonAdded(courseId, lessonId, "V", LessonType.VIDEO, 1, 60, null, null, List.of(), null),
                        new LessonMediaAttached(courseId, lessonId, ownMedia, "video/mp4", 2048))
                .when(new PublishLesson(courseId, lessonId, instructor))
                .expectEvents(new LessonPublished(courseId, lessonId));
    }

    @Test
    void givenVideo_whenAttachAnotherCoursesMedia_thenValidationFailed() {
        fixture.given(created(), new LessonAdded(courseId, lessonId, "V", LessonType.VIDEO, 1, 60, null, null, List.of(), null))
                .when(new AttachLessonMedia(courseId, lessonId, CourseId.random() + "." + java.util.UUID.randomUUID(),
                        "video/mp4", 10, instructor))
                .expectException(refusal("validation_failed"));
    }

    @Test
    void givenVideo_whenAttachPdf_thenValidationFailed() {
        fixture.given(created(), new LessonAdded(courseId, lessonId, "V", LessonType.VIDEO, 1, 60, null, null, List.of(), null))
                .when(new AttachLessonMedia(courseId, lessonId, ownMedia, "application/pdf", 10, instructor))
                .expectException(refusal("validation_failed"));
    }

    @Test
    void givenCourse_whenUnknownLessonPublished_thenNotFound() {
        fixture.given(created())
                .when(new PublishLesson(courseId, LessonId.random(), instructor))
                .expectException(refusal("not_found"));
    }

    /**
     * An update without {@code contentRef} keeps the lesson's media (it was refused here, the video dropped, before
     * 2026-12-07: walkthrough Z40); taking it off is {@link DetachLessonMedia}, which a published video refuses.
     */
    @Test
    void givenPublishedVideo_whenUpdateLeavesOutMedia_thenKept_whenMediaDetached_thenRefused() {
        LessonAdded video = new LessonAdded(courseId, lessonId, "V", LessonType.VIDEO, 1, 60, null, null, List.of(), null);
        LessonMediaAttached attached = new LessonMediaAttached(courseId, lessonId, ownMedia, "video/mp4", 2048);
        fixture.given(created(), video, attached, new LessonPublished(courseId, lessonId))
                .when(new UpdateLesson(courseId, lessonId, new LessonDetails("V2", LessonType.VIDEO, 2, 90, null, null,
                        null), instructor))
                .expectEvents(new LessonUpdated(courseId, lessonId, "V2", LessonType.VIDEO, 2, 90, ownMedia, null, List.of(), "video/mp4"));
        fixture.given(created(), video, attached, new LessonPublished(courseId, lessonId))
                .when(new DetachLessonMedia(courseId, lessonId, instructor))
                .expectException(refusal("lesson_content_missing"));
        fixture.given(created(), video, attached)
                .when(new DetachLessonMedia(courseId, lessonId, instructor))
                .expectEvents(new LessonMediaDetached(courseId, lessonId, ownMedia));
    }

    @Test
    void givenReadingWithAttachment_whenUpdateLeavesItOut_thenKept_asAVideoAPdfIsNot() {
        LessonMediaAttached pdf = new LessonMediaAttached(courseId, lessonId, ownMedia, "application/pdf", 2048);
        fixture.given(created(), readingAdded(), pdf)
                .when(new UpdateLesson(courseId, lessonId, new LessonDetails("Intro", LessonType.READING, 1, 300, null,
                        "Read me again", null), instructor))
                .expectEvents(new LessonUpdated(courseId, lessonId, "Intro", LessonType.READING, 1, 300, ownMedia,
                        "Read me again", List.of(), "application/pdf"));
        fixture.given(created(), readingAdded(), pdf)
                .when(new UpdateLesson(courseId, lessonId, new LessonDetails("Intro", LessonType.VIDEO, 1, 300, null,
                        null, null), instructor))
                .expectEvents(new LessonUpdated(courseId, lessonId, "Intro", LessonType.VIDEO, 1, 300, null, null, List.of(), null));
        fixture.given(created(), readingAdded(), pdf, new LessonMediaDetached(courseId, lessonId, ownMedia))
                .when(new UpdateLesson(courseId, lessonId, new LessonDetails("Intro", LessonType.READING, 1, 300, null,
                        "Read me", null), instructor))
                .expectEvents(new LessonUpdated(courseId, lessonId, "Intro", LessonType.READING, 1, 300, null, "Read me",
                        List.of(), null));
        fixture.given(created(), readingAdded())
                .when(new DetachLessonMedia(courseId, lessonId, instructor))
                .expectNoEvents();
        fixture.given(created(), readingAdded(), pdf)
                .when(new DetachLessonMedia(courseId, lessonId, otherInstructor))
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void givenLesson_whenAdminUpdates_thenUpdated() {
        fixture.given(created(), readingAdded())
                .when(new UpdateLesson(courseId, lessonId, new LessonDetails(" Intro 2 ", LessonType.ASSIGNMENT, 2, null,
                        null, "Do it", null), admin))
                .expectEvents(new LessonUpdated(courseId, lessonId, "Intro 2", LessonType.ASSIGNMENT, 2, null, null,
                        "Do it", List.of(), null));
    }

    private static Matcher<DomainException> refusal(String code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(DomainException e) { return code.equals(e.code()); }

            @Override
            public void describeTo(Description d) { d.appendText("a refusal with code " + code); }
        };
    }
}
