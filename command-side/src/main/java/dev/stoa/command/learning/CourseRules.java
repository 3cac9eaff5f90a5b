package dev.stoa.command.learning;

import dev.stoa.api.learning.ContentRefs;
import dev.stoa.api.learning.CourseDetails;
import dev.stoa.api.learning.CourseId;
import dev.stoa.api.learning.LessonDetails;
import dev.stoa.api.learning.LessonType;
import dev.stoa.api.learning.QuizQuestion;
import dev.stoa.api.platform.Actor;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.ErrorCode;
import dev.stoa.api.platform.Money;
import dev.stoa.api.platform.Roles;
import dev.stoa.command.platform.UniqueKeys;
import java.util.List;

/** The checks a course's and a lesson's fields must pass, and who may change a course. */
final class CourseRules {
    static final String CATEGORY = "category-id"; // the category's key in unique_key (CategoryRules.CATEGORY_ID)

    private CourseRules() {}

    static void requireTeacher(Actor actor) {
        if (actor == null || !(actor.isAdmin() || actor.has(Roles.INSTRUCTOR)))
            throw DomainException.forbidden("only instructors and admins manage courses");
    }

    static void requireOwnerOrAdmin(Actor actor, String instructorId) {
        requireTeacher(actor);
        if (!actor.isAdmin() && !actor.userId().equals(instructorId))
            throw DomainException.forbidden("this course belongs to another instructor");
    }

    /** @return the passing score to store: the given one, or the platform's default */
    static int validate(CourseDetails d, UniqueKeys keys, int defaultPassingScore) {
        if (d == null || blank(d.title())) throw DomainException.badInput("title is required");
        if (d.title().strip().length() > 200) throw DomainException.badInput("title must be at most 200 characters");
        if (d.priceCents() < 0) throw DomainException.badInput("priceCents must not be negative");
        if (!Money.isCurrency(d.currency())) throw DomainException.badInput("currency must be " + Money.CURRENCY_RULE);
        if (d.passingScore() != null && (d.passingScore() < 0 || d.passingScore() > 100))
            throw DomainException.badInput("passingScore must be between 0 and 100");
        if (d.categoryId() != null && !keys.exists(CATEGORY, d.categoryId().value()))
            throw new DomainException(ErrorCode.UNKNOWN_CATEGORY, "category " + d.categoryId() + " does not exist");
        return d.passingScore() == null ? defaultPassingScore : d.passingScore();
    }

    /**
     * A lesson's fields by its type. Fields another type has no use for are dropped (a reading keeps no quiz), so
     * what is stored is what the type means.
     */
    static LessonDetails validate(LessonDetails d, CourseId courseId) {
        if (d == null || blank(d.title())) throw DomainException.badInput("title is required");
        if (d.type() == null) throw DomainException.badInput("type is required");
        if (d.position() < 1) throw DomainException.badInput("position must be 1 or more");
        if (d.durationSeconds() != null && d.durationSeconds() < 0)
            throw DomainException.badInput("durationSeconds must not be negative");
        String title = d.title().strip();
        return switch (d.type()) {
            case VIDEO -> {
                if (d.durationSeconds() == null || d.durationSeconds() < 1)
                    throw DomainException.badInput("durationSeconds is required for a video lesson (1 or more)");
                requireContentRef(d.contentRef(), courseId);
                yield new LessonDetails(title, LessonType.VIDEO, d.position(), d.durationSeconds(), d.contentRef(),
                        null, List.of());
            }
            case READING, ASSIGNMENT -> {
                if (blank(d.body()))
                    throw DomainException.badInput("body is required for " + (d.type() == LessonType.ASSIGNMENT
                            ? "an assignment" : "a reading") + " lesson");
                requireContentRef(d.contentRef(), courseId); // an attachment (a PDF, an image), optional
                yield new LessonDetails(title, d.type(), d.position(), d.durationSeconds(), d.contentRef(), d.body(),
                        List.of());
            }
            case QUIZ -> {
                validateQuiz(d.quiz());
                yield new LessonDetails(title, LessonType.QUIZ, d.position(), d.durationSeconds(), null, null, d.quiz());
            }
        };
    }

    private static void requireContentRef(String ref, CourseId courseId) {
        if (ref != null && !ContentRefs.belongsTo(ref, courseId) && !ContentRefs.isExternal(ref))
            throw DomainException.badInput("contentRef must be media uploaded to this course or an https link");
    }

    private static void validateQuiz(List<QuizQuestion> quiz) {
        if (quiz == null || quiz.isEmpty()) throw DomainException.badInput("quiz needs at least one question");
        for (int i = 0; i < quiz.size(); i++) {
            QuizQuestion q = quiz.get(i);
            String at = "quiz[" + i + "]";
            if (q == null || blank(q.prompt())) throw DomainException.badInput(at + ".prompt is required");
            if (q.choices().size() < 2 || q.choices().stream().anyMatch(CourseRules::blank))
                throw DomainException.badInput(at + ".choices needs at least two non-blank choices");
            if (q.correct().isEmpty()) throw DomainException.badInput(at + ".correct needs at least one correct choice");
            for (Integer index : q.correct())
                if (index == null || index < 0 || index >= q.choices().size())
                    throw DomainException.badInput(at + ".correct indexes must be between 0 and " + (q.choices().size() - 1));
        }
    }

    private static boolean blank(String s) { return s == null || s.isBlank(); }
}
