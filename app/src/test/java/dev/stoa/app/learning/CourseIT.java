package dev.stoa.app.learning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.learning.CourseId;
import dev.stoa.api.learning.GrantEnrollment;
import dev.stoa.app.support.Api;
import dev.stoa.app.support.ApiTest;
import dev.stoa.app.support.Await;
import dev.stoa.app.support.Catalog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Courses end to end through HTTP: an instructor builds a course with a video, a reading and a quiz, publishes it;
 * what the public, a student, another instructor and the owner each see and may do; filters, search, archive.
 */
class CourseIT extends ApiTest {
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CommandGateway commands;

    @Test
    void instructorBuildsPublishesAndArchivesACourse() {
        Courses courses = new Courses(api);
        String tag = unique("c").substring(2);
        String admin = tokenFor("admin");
        String category = new Catalog(api).category(admin, "Programming " + tag, "programming-" + tag, null);
        String instructorId = UUID.randomUUID().toString();
        String instructor = tokenAs(instructorId, "instructor");
        String student = tokenFor("customer");
        String otherInstructor = tokenFor("instructor");

        String courseId = courses.create(instructor, Courses.course("Kotlin " + tag + " from scratch", 4_900, category));
        String video = courses.addLesson(instructor, courseId, Courses.video("Welcome", 1, 95));
        String reading = courses.addLesson(instructor, courseId, Courses.reading("Syntax", 2, "val x = 1 " + tag));
        String quiz = courses.addLesson(instructor, courseId, Courses.quiz("Check yourself", 3));
        // a lesson type there is not: the field and the types there are (it was malformed_request, "the request body is
        // missing or unreadable", with no field)
        Map<String, Object> podcast = new java.util.HashMap<>(Courses.reading("Pod", 4, "x"));
        podcast.put("type", "podcast");
        Api.Response unknownType = api.post("/api/v1/courses/" + courseId + "/lessons", podcast, instructor);
        assertThat(unknownType.status()).as(unknownType.toString()).isEqualTo(400);
        assertThat(unknownType.code()).isEqualTo("validation_failed");
        assertThat(unknownType.body().at("/errors/0/field").asText()).isEqualTo("type");
        assertThat(unknownType.body().at("/errors/0/message").asText()).contains("video, reading, quiz or assignment");

        // a course needs a published lesson; a video needs its media first
        assertThat(api.post("/api/v1/courses/" + courseId + "/publish", null, instructor).code()).isEqualTo("no_published_lesson");
        Api.Response early = api.post("/api/v1/courses/" + courseId + "/lessons/" + video + "/publish", null, instructor);
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.code()).isEqualTo("lesson_content_missing");
        assertThat(courses.upload(instructor, courseId, video, Courses.mp4(4096), "welcome.mp4", "video/mp4").status())
                .isEqualTo(201);
        for (String lesson : List.of(video, reading, quiz)) courses.publishLesson(instructor, courseId, lesson);

        // still a draft: nobody but the owner (and admins) sees it
        String byInstructor = "/api/v1/courses?instructorId=" + instructorId;
        assertThat(ids(api.get(byInstructor))).isEmpty();
        assertThat(api.get("/api/v1/courses/" + courseId).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/courses/" + courseId, student).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/courses/" + courseId, otherInstructor).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/courses/" + courseId + "/lessons", student).status()).isEqualTo(404);
        // its lessons' content too, whatever the lesson id: answered as for a course that does not exist
        String noSuchCourse = UUID.randomUUID().toString();
        Api.Response noContent = api.get("/api/v1/courses/" + noSuchCourse + "/lessons/" + reading + "/content", student);
        for (String lesson : List.of(reading, UUID.randomUUID().toString())) {
            Api.Response hidden = api.get("/api/v1/courses/" + courseId + "/lessons/" + lesson + "/content", otherInstructor);
            assertThat(hidden.status()).isEqualTo(404);
            assertThat(hidden.body().get("detail").asText().replace(courseId, "?"))
                    .isEqualTo(noContent.body().get("detail").asText().replace(noSuchCourse, "?"));
        }
        assertThat(ids(api.get("/api/v1/search?type=course&q=kotlin%20" + tag))).isEmpty();
        Api.Response draft = api.get("/api/v1/courses/" + courseId, instructor);
        assertThat(draft.status()).isEqualTo(200);
        assertThat(draft.body().get("status").asText()).isEqualTo("draft");
        assertThat(api.get("/api/v1/courses/" + courseId, admin).body().get("status").asText()).isEqualTo("draft");

        // a student may not manage courses at all (403 whichever the id); another instructor may not touch it, nor
        // learn that it exists: 404, as its read, for every change
        Map<String, Object> edit = Courses.course("Hijacked " + tag, 1, null);
        assertThat(api.put("/api/v1/courses/" + courseId, edit, student).status()).isEqualTo(403);
        assertThat(api.put("/api/v1/courses/" + UUID.randomUUID(), edit, student).status()).isEqualTo(403);
        Api.Response foreign = api.put("/api/v1/courses/" + courseId, edit, otherInstructor);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.code()).isEqualTo("not_found");
        String noSuchId = UUID.randomUUID().toString();
        Api.Response none = api.put("/api/v1/courses/" + noSuchId, edit, otherInstructor);
        assertThat(none.code()).isEqualTo("not_found");
        assertThat(none.body().get("detail").asText()).isEqualTo("course " + noSuchId + " not found");
        assertThat(foreign.body().get("detail").asText()).as("answered as a course that does not exist")
                .isEqualTo("course " + courseId + " not found");
        assertThat(api.post("/api/v1/courses/" + noSuchId + "/publish", null, otherInstructor).body().get("detail").asText())
                .isEqualTo("course " + noSuchId + " not found");
        assertThat(api.post("/api/v1/courses/" + courseId + "/lessons", Courses.reading("Spam", 9, "x"), otherInstructor)
                .status()).isEqualTo(404);
        assertThat(api.post("/api/v1/courses/" + courseId + "/publish", null, otherInstructor).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/courses/" + courseId, otherInstructor).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/courses/" + courseId, student).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/courses", Courses.course("Mine " + tag, 0, null), student).status()).isEqualTo(403);

        Api.Response published = api.post("/api/v1/courses/" + courseId + "/publish", null, instructor);
        assertThat(published.status()).as(published.toString()).isEqualTo(204);
        // published, it is public: changing it is still only its instructor's (403 forbidden)
        Api.Response foreignEdit = api.put("/api/v1/courses/" + courseId, edit, otherInstructor);
        assertThat(foreignEdit.status()).isEqualTo(403);
        assertThat(foreignEdit.code()).isEqualTo("forbidden");
        assertThat(api.post("/api/v1/courses/" + courseId + "/lessons", Courses.reading("Spam", 9, "x"), student).status())
                .isEqualTo(403);
        // it stays with its instructor, as a product with its vendor: naming another is 400, the course unchanged
        // (the change was answered 204 and the instructor dropped, before 2026-12-07; walkthrough Z8)
        Map<String, Object> handedOver = Courses.course("Handed over " + tag, 0, null);
        handedOver.put("instructorId", UUID.randomUUID().toString());
        for (String who : List.of(instructor, admin)) {
            Api.Response moved = api.put("/api/v1/courses/" + courseId, handedOver, who);
            assertThat(moved.status()).as(moved.toString()).isEqualTo(400);
            assertThat(moved.code()).isEqualTo("validation_failed");
            assertThat(moved.body().at("/errors/0/field").asText()).isEqualTo("instructorId");
        }
        assertThat(api.get("/api/v1/courses/" + courseId).body().get("title").asText()).doesNotStartWith("Handed over");
        // its currency is fixed now (what students paid, refunds and carts are in it); its price is not
        Map<String, Object> inEuros = Courses.course("Kotlin " + tag, 0, null);
        inEuros.put("currency", "EUR");
        Api.Response currency = api.put("/api/v1/courses/" + courseId, inEuros, instructor);
        assertThat(currency.status()).as(currency.toString()).isEqualTo(409);
        assertThat(currency.code()).isEqualTo("invalid_transition");
        assertThat(currency.body().get("detail").asText()).contains("keeps its currency (USD)");

        // published: anyone sees it, with its published lessons counted
        Api.Response detail = api.get("/api/v1/courses/" + courseId);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.body().get("status").asText()).isEqualTo("published");
        assertThat(detail.body().get("priceCents").asLong()).isEqualTo(4_900);
        assertThat(detail.body().get("currency").asText()).isEqualTo("USD");
        assertThat(detail.body().get("instructorId").asText()).isEqualTo(instructorId);
        assertThat(detail.body().get("categoryId").asText()).isEqualTo(category);
        assertThat(detail.body().get("passingScore").asInt()).isEqualTo(70);
        assertThat(detail.body().get("lessonCount").asInt()).isEqualTo(3);
        assertThat(detail.body().get("totalDurationSeconds").asLong()).isEqualTo(95 + 600);
        assertThat(detail.body().at("/rating/count").asInt()).isZero();
        assertThat(ids(api.get(byInstructor))).containsExactly(courseId);

        // the outline: ordered, no content, never a quiz answer
        for (String viewer : new String[] {null, student, otherInstructor}) {
            Api.Response outline = api.get("/api/v1/courses/" + courseId + "/lessons", viewer);
            assertThat(outline.status()).isEqualTo(200);
            assertThat(outline.body().get("items")).extracting(n -> n.get("id").asText()).containsExactly(video, reading, quiz);
            assertThat(outline.body().get("items")).extracting(n -> n.get("type").asText()).containsExactly("video", "reading", "quiz");
            assertThat(outline.body().at("/items/0/durationSeconds").asInt()).isEqualTo(95);
            // every outline field is there, a quiz's missing duration too (it was left out before 2026-12-06)
            assertThat(outline.body().at("/items/2").has("durationSeconds")).isTrue();
            assertThat(outline.body().at("/items/2/durationSeconds").isNull()).isTrue();
            assertThat(outline.raw()).doesNotContain("correct", "choices", "val x = 1", "contentRef");
        }
        Api.Response whole = api.get("/api/v1/courses/" + courseId + "/lessons", instructor);
        assertThat(whole.body().get("fullContent").asBoolean()).isTrue();
        assertThat(whole.body().at("/items/2/quiz/0/correct").get(0).asInt()).isEqualTo(1);
        assertThat(whole.body().at("/items/1/body").asText()).isEqualTo("val x = 1 " + tag);
        assertThat(whole.body().at("/items/0/mediaType").asText()).isEqualTo("video/mp4");

        // content: a student who is not enrolled must buy; the owner reads the quiz without answers
        Api.Response locked = api.get("/api/v1/courses/" + courseId + "/lessons/" + quiz + "/content", student);
        assertThat(locked.status()).isEqualTo(403);
        assertThat(locked.code()).isEqualTo("purchase_required");
        assertThat(api.get("/api/v1/courses/" + courseId + "/lessons/" + quiz + "/content").status()).isEqualTo(401);
        Api.Response quizContent = api.get("/api/v1/courses/" + courseId + "/lessons/" + quiz + "/content", instructor);
        assertThat(quizContent.status()).isEqualTo(200);
        assertThat(quizContent.body().at("/questions/1/choices")).hasSize(3);
        assertThat(quizContent.raw()).doesNotContain("correct");

        // an enrolled student (granted on the enrollment, as a paid order's line is) reads every published lesson at once,
        // never the answers
        String studentId = UUID.randomUUID().toString();
        String enrolled = tokenAs(studentId, "customer");
        commands.sendAndWait(new GrantEnrollment(new UserId(studentId), new CourseId(courseId), GrantEnrollment.ORDER,
                UUID.randomUUID().toString(), 0, null));
        Api.Response studentQuiz = api.get("/api/v1/courses/" + courseId + "/lessons/" + quiz + "/content", enrolled);
        assertThat(studentQuiz.status()).isEqualTo(200);
        assertThat(studentQuiz.body().at("/questions/0/prompt").asText()).isEqualTo("What is 2 + 2?");
        // told which questions take several choices, not which nor how many (nothing told them before 2026-12-07, Z33)
        assertThat(studentQuiz.body().at("/questions/0/multipleAnswers").asBoolean(true)).isFalse();
        assertThat(studentQuiz.body().at("/questions/1/multipleAnswers").asBoolean(false)).isTrue();
        assertThat(studentQuiz.raw()).doesNotContain("correct");
        Api.Response text = api.get("/api/v1/courses/" + courseId + "/lessons/" + reading + "/content", enrolled);
        assertThat(text.body().get("body").asText()).isEqualTo("val x = 1 " + tag);
        Api.Response movie = api.get("/api/v1/courses/" + courseId + "/lessons/" + video + "/content", enrolled);
        assertThat(movie.body().get("type").asText()).isEqualTo("video");
        assertThat(movie.body().get("durationSeconds").asInt()).isEqualTo(95);
        assertThat(movie.body().get("url").asText()).startsWith("/api/v1/content/" + courseId + ".");
        assertThat(api.get(movie.body().get("url").asText()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/courses/" + courseId + "/lessons/" + UUID.randomUUID() + "/content", enrolled).status())
                .isEqualTo(404);

        // search: by type and mixed with products
        JsonNode hit = api.get("/api/v1/search?type=course&q=kotlin%20" + tag).body().at("/items/0");
        assertThat(hit.get("id").asText()).isEqualTo(courseId);
        assertThat(hit.get("type").asText()).isEqualTo("course");
        assertThat(hit.get("priceCents").asLong()).isEqualTo(4_900);
        assertThat(hit.get("categoryId").asText()).isEqualTo(category);
        assertThat(ids(api.get("/api/v1/search?q=kotlin%20" + tag))).contains(courseId);
        assertThat(ids(api.get("/api/v1/search?type=product&q=kotlin%20" + tag))).doesNotContain(courseId);
        assertThat(ids(api.get("/api/v1/search?type=course&q=kotlin%20" + tag + "&maxPrice=100"))).isEmpty();

        // archived: out of lists and search, still there for its owner, no more edits
        assertThat(api.delete("/api/v1/courses/" + courseId, instructor).status()).isEqualTo(204);
        assertThat(ids(api.get(byInstructor))).isEmpty();
        assertThat(api.get("/api/v1/courses/" + courseId).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/courses/" + courseId, instructor).body().get("status").asText()).isEqualTo("archived");
        assertThat(api.get("/api/v1/courses/" + courseId + "/lessons", instructor).body().get("items")).hasSize(3);
        assertThat(ids(api.get("/api/v1/search?type=course&q=kotlin%20" + tag))).isEmpty();
        Api.Response frozen = api.put("/api/v1/courses/" + courseId, Courses.course("Kotlin again", 0, null), instructor);
        assertThat(frozen.status()).isEqualTo(409);
        assertThat(frozen.code()).isEqualTo("invalid_transition");
        // an enrolled student keeps access to an archived course; anyone else no longer finds it
        assertThat(api.get("/api/v1/courses/" + courseId + "/lessons/" + reading + "/content", enrolled).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/courses/" + courseId + "/lessons/" + reading + "/content", student).status()).isEqualTo(404);
    }

    /**
     * An instructor lists their own courses in every state, newest created first, by state on asking: drafts and
     * archived courses are in no public list, so until 2026-12-06 (ninth session) they were found by id only. Another
     * instructor's courses are not in it; a student may not ask; a state there is not is a 400 naming the states.
     */
    @Test
    void anInstructorListsTheirOwnCoursesInEveryState() {
        Courses courses = new Courses(api);
        String tag = unique("own").substring(2);
        String instructor = tokenFor("instructor");
        String draft = courses.create(instructor, Courses.course("Draft " + tag, 1_000, null));
        String published = courses.create(instructor, Courses.course("Published " + tag, 2_000, null));
        String archived = courses.create(instructor, Courses.course("Archived " + tag, 3_000, null));
        for (String id : List.of(published, archived)) {
            courses.publishLesson(instructor, id, courses.addLesson(instructor, id, Courses.reading("One", 1, "x")));
            assertThat(api.post("/api/v1/courses/" + id + "/publish", null, instructor).status()).isEqualTo(204);
        }
        assertThat(api.delete("/api/v1/courses/" + archived, instructor).status()).isEqualTo(204);
        courses.create(tokenFor("instructor"), Courses.course("Someone else's " + tag, 1_000, null));

        // the writes just answered show at once (read-your-writes), newest created first
        Api.Response all = api.get("/api/v1/instructors/me/courses", instructor);
        assertThat(ids(all)).containsExactly(archived, published, draft);
        assertThat(all.body().get("total").asLong()).isEqualTo(3);
        assertThat(all.body().at("/items/0/status").asText()).isEqualTo("archived");
        assertThat(all.body().at("/items/2/status").asText()).isEqualTo("draft");
        assertThat(ids(api.get("/api/v1/instructors/me/courses?status=draft", instructor))).containsExactly(draft);
        assertThat(ids(api.get("/api/v1/instructors/me/courses?status=archived", instructor))).containsExactly(archived);
        assertThat(ids(api.get("/api/v1/instructors/me/courses?sort=-price&limit=2", instructor)))
                .containsExactly(archived, published);
        Api.Response second = api.get("/api/v1/instructors/me/courses?sort=-price&limit=2&offset=2", instructor);
        assertThat(ids(second)).containsExactly(draft);
        assertThat(second.body().get("total").asLong()).isEqualTo(3);
        // the public list has the published one only
        assertThat(ids(api.get("/api/v1/courses?q=" + tag))).containsExactly(published);

        Api.Response badState = api.get("/api/v1/instructors/me/courses?status=retired", instructor);
        assertThat(badState.status()).isEqualTo(400);
        assertThat(badState.code()).isEqualTo("validation_failed");
        assertThat(badState.body().get("detail").asText()).contains("draft, published, archived");
        assertThat(api.get("/api/v1/instructors/me/courses", tokenFor("customer")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/instructors/me/courses").status()).isEqualTo(401);
    }

    @Test
    void listFiltersAndSorts() {
        Courses courses = new Courses(api);
        String tag = unique("f").substring(2);
        String admin = tokenFor("admin");
        Catalog catalog = new Catalog(api);
        String design = catalog.category(admin, "Design " + tag, "design-" + tag, null);
        String music = catalog.category(admin, "Music " + tag, "music-" + tag, null);
        String instructorId = registered("instructor");
        String instructor = tokenAs(instructorId, "instructor");

        String free = published(courses, instructor, Courses.course("Sketching " + tag, 0, design));
        String cheap = published(courses, instructor, Courses.course("Colour theory " + tag, 1_500, design));
        String dear = published(courses, instructor, Courses.course("Harmony " + tag, 9_900, music));
        // an admin creates a course for an instructor; it lists under that instructor
        Map<String, Object> forInstructor = new HashMap<>(Courses.course("Rhythm " + tag, 2_000, music));
        forInstructor.put("instructorId", instructorId);
        forInstructor.put("passingScore", 90);
        String byAdmin = published(courses, admin, forInstructor);
        // only for an account that is an instructor: not a customer, not an id without an account
        for (String nobody : List.of(registered("customer"), UUID.randomUUID().toString())) {
            Map<String, Object> forNobody = new HashMap<>(Courses.course("Nobody's " + tag, 2_000, music));
            forNobody.put("instructorId", nobody);
            Api.Response refused = api.post("/api/v1/courses", forNobody, admin);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
            assertThat(refused.code()).isEqualTo("unknown_instructor");
        }
        courses.create(instructor, Courses.course("Unpublished " + tag, 100, music)); // never listed

        String mine = "/api/v1/courses?instructorId=" + instructorId;
        assertThat(ids(api.get(mine))).containsExactlyInAnyOrder(free, cheap, dear, byAdmin);
        assertThat(api.get(mine).body().get("total").asInt()).isEqualTo(4);
        assertThat(ids(api.get(mine + "&categoryId=" + design))).containsExactlyInAnyOrder(free, cheap);
        assertThat(ids(api.get(mine + "&maxPrice=0"))).containsExactly(free);
        assertThat(ids(api.get(mine + "&minPrice=1500&maxPrice=2000"))).containsExactlyInAnyOrder(cheap, byAdmin);
        assertThat(ids(api.get(mine + "&q=HARMONY"))).containsExactly(dear);
        assertThat(ids(api.get(mine + "&minRating=1"))).isEmpty();
        assertThat(ids(api.get(mine + "&minRating=0"))).as("0 keeps the unrated").containsExactlyInAnyOrder(free, cheap, dear, byAdmin);
        assertThat(ids(api.get(mine + "&sort=price"))).containsExactly(free, cheap, byAdmin, dear);
        assertThat(ids(api.get(mine + "&sort=-price"))).containsExactly(dear, byAdmin, cheap, free);
        assertThat(ids(api.get(mine + "&sort=newest"))).containsExactly(byAdmin, dear, cheap, free);
        Api.Response page = api.get(mine + "&sort=price&limit=2&offset=1");
        assertThat(ids(page)).containsExactly(cheap, byAdmin);
        assertThat(page.body().get("total").asInt()).isEqualTo(4);
        Api.Response full = api.get(mine + "&sort=price&limit=4"); // a full first page: the total is counted
        assertThat(ids(full)).containsExactly(free, cheap, byAdmin, dear);
        assertThat(full.body().get("total").asInt()).isEqualTo(4);
        Api.Response past = api.get(mine + "&offset=8"); // past the end: no items, and still the total
        assertThat(ids(past)).isEmpty();
        assertThat(past.body().get("total").asInt()).isEqualTo(4);
        assertThat(ids(api.get(mine + "&q=%25"))).isEmpty(); // % and _ are characters, not patterns
        assertThat(ids(api.get(mine + "&q=_"))).isEmpty();
        assertThat(api.get("/api/v1/courses/" + byAdmin).body().get("passingScore").asInt()).isEqualTo(90);
        assertThat(api.get("/api/v1/courses/" + byAdmin).body().get("instructorId").asText()).isEqualTo(instructorId);
        // an edit that leaves the pass mark out keeps it (it was reset to 70, a raise for every student still working,
        // before 2026-12-07; walkthrough Z40); one that names it sets it
        Map<String, Object> retitled = new HashMap<>(Courses.course("Rhythm, retitled " + tag, 2_000, music));
        assertThat(api.put("/api/v1/courses/" + byAdmin, retitled, admin).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/courses/" + byAdmin).body().get("passingScore").asInt()).isEqualTo(90);
        retitled.put("passingScore", 80);
        assertThat(api.put("/api/v1/courses/" + byAdmin, retitled, admin).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/courses/" + byAdmin).body().get("passingScore").asInt()).isEqualTo(80);
        retitled.remove("passingScore");
        retitled.put("title", "Rhythm " + tag);
        assertThat(api.put("/api/v1/courses/" + byAdmin, retitled, admin).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/courses/" + byAdmin).body().get("passingScore").asInt()).isEqualTo(80);

        assertThat(ids(api.get("/api/v1/search?type=course&q=" + tag + "&categoryId=" + music)))
                .containsExactlyInAnyOrder(dear, byAdmin);
        assertThat(ids(api.get("/api/v1/search?type=course&q=" + tag + "&sort=price")))
                .containsExactly(free, cheap, byAdmin, dear);

        assertThat(api.get("/api/v1/courses?sort=cheapest").code()).isEqualTo("validation_failed");
        assertThat(api.get("/api/v1/courses?minPrice=10&maxPrice=1").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/courses?instructorId=nope").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/courses/not-a-uuid").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/courses/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void badInputIsAClearProblem() {
        Courses courses = new Courses(api);
        String instructor = tokenFor("instructor");
        List<Map<String, Object>> bad = new ArrayList<>();
        bad.add(Courses.course(" ", 100, null));
        bad.add(Courses.course("T", -1, null));
        Map<String, Object> currency = new HashMap<>(Courses.course("T", 1, null));
        currency.put("currency", "usd");
        bad.add(currency);
        Map<String, Object> score = new HashMap<>(Courses.course("T", 1, null));
        score.put("passingScore", 101);
        bad.add(score);
        for (Map<String, Object> body : bad) {
            Api.Response r = api.post("/api/v1/courses", body, instructor);
            assertThat(r.status()).as(r.toString()).isEqualTo(400);
            assertThat(r.code()).isEqualTo("validation_failed");
        }
        Map<String, Object> unknownCategory = new HashMap<>(Courses.course("T", 1, UUID.randomUUID().toString()));
        assertThat(api.post("/api/v1/courses", unknownCategory, instructor).code()).isEqualTo("unknown_category");

        String courseId = courses.create(instructor, Courses.course("Lessons " + unique("b"), 0, null));
        String lessons = "/api/v1/courses/" + courseId + "/lessons";
        // each with the field it names (a rule across fields named the request, before 2026-12-06, fifth session)
        Map<Object, String> badLessons = new java.util.LinkedHashMap<>();
        badLessons.put(Map.of("title", "Q", "type", "quiz", "position", 1,
                "quiz", List.of(Map.of("prompt", "?", "choices", List.of("only"), "correct", List.of(0)))), "quiz[0].choices");
        badLessons.put(Map.of("title", "Q", "type", "quiz", "position", 1,
                "quiz", List.of(Map.of("prompt", "?", "choices", List.of("a", "b"), "correct", List.of(2)))), "quiz[0].correct");
        badLessons.put(Map.of("title", "Q", "type", "quiz", "position", 1), "quiz");
        badLessons.put(Map.of("title", "Q", "type", "quiz", "position", 1,
                "quiz", List.of(Map.of("prompt", "?", "choices", List.of("a", "b"), "correct", List.of(0, 0)))), "quiz[0].correct");
        badLessons.put(Map.of("title", "V", "type", "video", "position", 1), "durationSeconds");
        badLessons.put(Map.of("title", "V", "type", "video", "position", 1, "durationSeconds", 5,
                "contentRef", UUID.randomUUID() + "." + UUID.randomUUID()), "contentRef");
        badLessons.put(Map.of("title", "R", "type", "reading", "position", 0, "body", "b"), "position");
        badLessons.put(Map.of("title", "R", "type", "reading", "position", 1), "body");
        badLessons.put(Map.of("title", "A", "type", "assignment", "position", 1), "body");
        badLessons.forEach((body, field) -> {
            Api.Response r = api.post(lessons, body, instructor);
            assertThat(r.status()).as(body + " → " + r).isEqualTo(400);
            assertThat(r.code()).isEqualTo("validation_failed");
            assertThat(r.body().at("/errors/0/field").asText()).as(body + " → " + r).isEqualTo(field);
        });
        Api.Response badType = api.post(lessons, Map.of("title", "X", "type", "podcast", "position", 1), instructor);
        assertThat(badType.status()).isEqualTo(400);
        Api.Response unknownLesson = api.post(lessons + "/" + UUID.randomUUID() + "/publish", null, instructor);
        assertThat(unknownLesson.status()).isEqualTo(404);
        Api.Response unknownCourse = api.put("/api/v1/courses/" + UUID.randomUUID(), Courses.course("T", 0, null), instructor);
        assertThat(unknownCourse.status()).isEqualTo(404);
    }

    @Test
    void racingEditsOfOneCourseAllLandAndItIsPublishedOnce() throws Exception {
        Courses courses = new Courses(api);
        String instructor = tokenFor("instructor");
        String courseId = courses.create(instructor, Courses.course("Racing " + unique("r"), 1_000, null));
        int writers = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Api.Response>> added = new ArrayList<>();
        for (int i = 1; i <= writers; i++) {
            int position = i;
            added.add(pool.submit(() -> {
                start.await();
                Api.Response r = api.post("/api/v1/courses/" + courseId + "/lessons",
                        Courses.reading("Part " + position, position, "Text " + position), instructor);
                if (r.status() == 201) api.post("/api/v1/courses/" + courseId + "/lessons/"
                        + r.body().get("lessonId").asText() + "/publish", null, instructor);
                return r;
            }));
        }
        start.countDown();
        for (java.util.concurrent.Future<Api.Response> f : added) assertThat(f.get().status()).as(f.get().toString()).isEqualTo(201);

        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Api.Response>> publishes = new ArrayList<>();
        for (int i = 0; i < writers; i++)
            publishes.add(pool.submit(() -> {
                go.await();
                return api.post("/api/v1/courses/" + courseId + "/publish", null, instructor);
            }));
        go.countDown();
        for (java.util.concurrent.Future<Api.Response> f : publishes) assertThat(f.get().status()).as(f.get().toString()).isEqualTo(204);
        pool.shutdown();

        Api.Response detail = api.get("/api/v1/courses/" + courseId);
        assertThat(detail.body().get("lessonCount").asInt()).isEqualTo(writers);
        assertThat(detail.body().get("totalDurationSeconds").asLong()).isEqualTo(writers * 600L);
        Api.Response outline = api.get("/api/v1/courses/" + courseId + "/lessons");
        assertThat(outline.body().get("items")).extracting(n -> n.get("position").asInt())
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? "
                + "and payload_type like '%.CoursePublished'", Integer.class, courseId)).isEqualTo(1);
    }

    /**
     * Elasticsearch reserves U+001E and U+001F (and NUL) in a completion input and refused the whole document for one:
     * a course titled with one was never found, and they read as spaces in the suggest inputs since. The API takes
     * them no more (since 2026-12-07: no control character but tab and line breaks); a product stored with them
     * before is found (SearchRefusedDocumentIT).
     */
    @Test
    void aTitleWithACompletionFieldsReservedCharacters_isRefused() {
        String tag = unique("m").substring(2);
        String instructor = tokenAs(UUID.randomUUID().toString(), "instructor");
        Map<String, Object> course = Courses.course("Unit\u001F" + tag + "\u001Eseparated", 1_000, null);
        course.put("description", "Plain");
        Api.Response refused = api.post("/api/v1/courses", course, instructor);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("validation_failed");
        assertThat(refused.body().at("/errors/0/field").asText()).isEqualTo("title");
    }

    /**
     * An upload attaches a file to its lesson; a later edit of the lesson that leaves out {@code contentRef} keeps it.
     * Before 2026-12-07 a reading's text edit dropped its attachment and a published video's edit was refused
     * (walkthrough Z40); {@code DELETE .../media} takes media off, except a published video's.
     */
    @Test
    void aLessonEditKeepsItsMedia_untilItIsTakenOff() {
        Courses courses = new Courses(api);
        String tag = unique("k").substring(2);
        String instructor = tokenAs(UUID.randomUUID().toString(), "instructor");
        String courseId = courses.create(instructor, Courses.course("Media " + tag, 1_000, null));
        String reading = courses.addLesson(instructor, courseId, Courses.reading("Notes", 1, "First text"));
        String video = courses.addLesson(instructor, courseId, Courses.video("Talk", 2, 60));
        byte[] pdf = "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Api.Response attached = courses.upload(instructor, courseId, reading, pdf, "notes.pdf", "application/pdf");
        assertThat(attached.status()).as(attached.toString()).isEqualTo(201);
        String pdfRef = attached.body().get("contentRef").asText();
        Api.Response filmed = courses.upload(instructor, courseId, video, Courses.mp4(4096), "talk.mp4", "video/mp4");
        assertThat(filmed.status()).as(filmed.toString()).isEqualTo(201);
        String videoRef = filmed.body().get("contentRef").asText();
        courses.publishLesson(instructor, courseId, video);

        Api.Response edited = api.put("/api/v1/courses/" + courseId + "/lessons/" + reading,
                Courses.reading("Notes", 1, "Second text"), instructor);
        assertThat(edited.status()).as(edited.toString()).isEqualTo(204);
        Api.Response videoEdited = api.put("/api/v1/courses/" + courseId + "/lessons/" + video,
                Courses.video("Talk, cut", 2, 55), instructor);
        assertThat(videoEdited.status()).as(videoEdited.toString()).isEqualTo(204);
        JsonNode lessons = api.get("/api/v1/courses/" + courseId + "/lessons", instructor).body().get("items");
        assertThat(lessons.get(0).get("body").asText()).isEqualTo("Second text");
        assertThat(lessons.get(0).get("contentRef").asText()).isEqualTo(pdfRef);
        assertThat(lessons.get(0).get("mediaType").asText()).isEqualTo("application/pdf");
        assertThat(lessons.get(1).get("title").asText()).isEqualTo("Talk, cut");
        assertThat(lessons.get(1).get("contentRef").asText()).isEqualTo(videoRef);
        assertThat(lessons.get(1).get("mediaType").asText()).isEqualTo("video/mp4");

        // taken off: nobody else may; a published video keeps its video; a second DELETE changes nothing
        String media = "/api/v1/courses/" + courseId + "/lessons/" + reading + "/media";
        assertThat(api.delete(media, tokenFor("customer")).status()).isEqualTo(403);
        assertThat(api.delete(media, tokenFor("instructor")).code()).as("a draft is nobody else's").isEqualTo("not_found");
        Api.Response keepsVideo = api.delete("/api/v1/courses/" + courseId + "/lessons/" + video + "/media", instructor);
        assertThat(keepsVideo.status()).as(keepsVideo.toString()).isEqualTo(422);
        assertThat(keepsVideo.code()).isEqualTo("lesson_content_missing");
        assertThat(api.delete(media, instructor).status()).isEqualTo(204);
        assertThat(api.delete(media, instructor).status()).isEqualTo(204);
        assertThat(api.delete("/api/v1/courses/" + courseId + "/lessons/" + UUID.randomUUID() + "/media", instructor).code())
                .isEqualTo("not_found");
        lessons = api.get("/api/v1/courses/" + courseId + "/lessons", instructor).body().get("items");
        assertThat(lessons.get(0).hasNonNull("contentRef")).as(lessons.toString()).isFalse();
        assertThat(lessons.get(0).hasNonNull("mediaType")).isFalse();
        assertThat(lessons.get(0).get("body").asText()).isEqualTo("Second text");
        assertThat(lessons.get(1).get("contentRef").asText()).isEqualTo(videoRef);
        // the file may be attached again by its reference
        Map<String, Object> again = new java.util.HashMap<>(Courses.reading("Notes", 1, "Second text"));
        again.put("contentRef", pdfRef);
        assertThat(api.put("/api/v1/courses/" + courseId + "/lessons/" + reading, again, instructor).status()).isEqualTo(204);
        JsonNode reattached = api.get("/api/v1/courses/" + courseId + "/lessons", instructor).body().at("/items/0");
        assertThat(reattached.get("contentRef").asText()).isEqualTo(pdfRef);
        // with its type, as when it was uploaded (it read null when given by its ref before 2026-12-07; walkthrough Z44)
        assertThat(reattached.get("mediaType").asText()).isEqualTo("application/pdf");
    }

    private String published(Courses courses, String token, Map<String, Object> course) {
        String id = courses.create(token, course);
        String lesson = courses.addLesson(token, id, Courses.reading("Start", 1, "Begin here."));
        courses.publishLesson(token, id, lesson);
        Api.Response r = api.post("/api/v1/courses/" + id + "/publish", null, token);
        assertThat(r.status()).as(r.toString()).isEqualTo(204);
        return id;
    }

    private static List<String> ids(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        r.body().get("items").forEach(n -> ids.add(n.get("id").asText()));
        return ids;
    }
}
