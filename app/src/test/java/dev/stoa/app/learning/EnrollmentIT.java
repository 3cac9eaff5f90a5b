package dev.stoa.app.learning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.learning.CourseId;
import dev.stoa.api.learning.EnrollmentId;
import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.wallet.DebitWallet;
import dev.stoa.app.support.Api;
import dev.stoa.app.support.ApiTest;
import dev.stoa.app.support.Processors;
import dev.stoa.app.support.Await;
import dev.stoa.app.support.Race;
import dev.stoa.app.learning.PublishedCourses.Course;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import dev.stoa.command.learning.WalletPurchases;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Enrolling (free, wallet, refused), progress, quizzes scored on the server, completion, "my courses", instructors. */
class EnrollmentIT extends ApiTest {
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CommandGateway commands;
    private PublishedCourses courses;

    @BeforeEach
    void courses() { courses = new PublishedCourses(api, (id, role) -> tokenAs(id, role)); }

    /** Waits until {@code course-completion} has handled every event stored now: what it did not do by then, it does not. */
    private void courseCompletionCaughtUp() {
        Processors processors = new Processors(context.getBean(org.axonframework.config.EventProcessingConfiguration.class),
                context.getBean(org.axonframework.eventsourcing.eventstore.EventStore.class));
        long head = processors.head();
        Await.until(() -> processors.position("course-completion") >= head, Duration.ofSeconds(20), "course-completion caught up");
    }

    private Api.Response enroll(String courseId, Object body, String token) {
        return api.post("/api/v1/courses/" + courseId + "/enroll", body == null ? "" : body, token);
    }

    private Api.Response progress(String courseId, Map<String, Object> body, String token) {
        return api.post("/api/v1/courses/" + courseId + "/progress", body, token);
    }

    private JsonNode myCourses(String token) {
        Api.Response r = api.get("/api/v1/users/me/enrollments", token);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.body();
    }

    @Test
    void freeCourse_enrollCompleteLessons_failThenPassTheQuiz_completedWithACertificate() {
        Course course = courses.published("Bread basics", 0, 70);
        String student = tokenFor("customer");

        Api.Response enrolled = enroll(course.id(), null, student);
        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
        assertThat(enrolled.header("Location")).isEqualTo("/api/v1/courses/" + course.id() + "/progress");
        assertThat(enrolled.body().get("source").asText()).isEqualTo("free");
        assertThat(enrolled.body().get("status").asText()).isEqualTo("active");
        Api.Response again = enroll(course.id(), null, student);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("course_already_owned");

        JsonNode mine = myCourses(student);
        assertThat(mine.get("total").asLong()).isEqualTo(1);
        assertThat(mine.at("/items/0/courseId").asText()).isEqualTo(course.id());
        assertThat(mine.at("/items/0/title").asText()).isEqualTo("Bread basics");
        assertThat(mine.at("/items/0/progressPercent").asInt()).isZero();
        assertThat(mine.at("/items/0/status").asText()).isEqualTo("active");

        // the video: complete, with time; a draft or unknown lesson is 404; a quiz is completed by its answers
        Api.Response video = progress(course.id(), Map.of("lessonId", course.video(), "completed", true, "secondsSpent", 540), student);
        assertThat(video.status()).as(video.toString()).isEqualTo(200);
        assertThat(video.body().get("progressPercent").asInt()).isEqualTo(50);
        assertThat(video.body().get("timeSpentSeconds").asLong()).isEqualTo(540);
        assertThat(progress(course.id(), Map.of("lessonId", course.draft(), "completed", true), student).status()).isEqualTo(404);
        assertThat(progress(course.id(), Map.of("lessonId", UUID.randomUUID().toString(), "completed", true), student).status())
                .isEqualTo(404);
        assertThat(progress(course.id(), Map.of("lessonId", course.quiz(), "completed", true), student).code())
                .isEqualTo("validation_failed");
        assertThat(progress(course.id(), Map.of("lessonId", course.quiz(), "quizAnswers", List.of(List.of(1))), student).code())
                .isEqualTo("validation_failed");
        assertThat(progress(course.id(), Map.of("lessonId", course.video(), "secondsSpent", -5), student).code())
                .isEqualTo("validation_failed");
        assertThat(progress(course.id(), Map.of("lessonId", "nope"), student).status()).isEqualTo(400);

        // the quiz: half right is 50 % < 70 %, not completed; then right: 100 %, completed with a certificate
        Api.Response failed = progress(course.id(), Map.of("lessonId", course.quiz(), "quizAnswers", PublishedCourses.HALF), student);
        assertThat(failed.status()).as(failed.toString()).isEqualTo(200);
        assertThat(failed.body().at("/quizResult/scorePercent").asInt()).isEqualTo(50);
        assertThat(failed.body().at("/quizResult/correctCount").asInt()).isEqualTo(1);
        assertThat(failed.body().get("status").asText()).isEqualTo("active");
        assertThat(failed.body().get("progressPercent").asInt()).isEqualTo(100);
        assertThat(failed.body().get("certificateId").isNull()).isTrue();
        assertThat(failed.raw()).doesNotContain("\"correct\"").doesNotContain("choices");

        Api.Response passed = progress(course.id(), Map.of("lessonId", course.quiz(), "quizAnswers", PublishedCourses.RIGHT), student);
        assertThat(passed.body().at("/quizResult/scorePercent").asInt()).isEqualTo(100);
        assertThat(passed.body().get("status").asText()).isEqualTo("completed");
        String certificate = passed.body().get("certificateId").asText();
        assertThat(UUID.fromString(certificate)).isNotNull();
        // a worse retake: the best score counts, completed once
        Api.Response retake = progress(course.id(), Map.of("lessonId", course.quiz(), "quizAnswers", List.of(List.of(0), List.of())), student);
        assertThat(retake.body().at("/quizResult/scorePercent").asInt()).isZero();
        assertThat(retake.body().at("/quizScores/" + course.quiz()).asInt()).isEqualTo(100);
        assertThat(retake.body().get("certificateId").asText()).isEqualTo(certificate);

        Api.Response read = api.get("/api/v1/courses/" + course.id() + "/progress", student);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.body().get("status").asText()).isEqualTo("completed");
        assertThat(read.body().get("progressPercent").asInt()).isEqualTo(100);
        assertThat(read.body().get("certificateId").asText()).isEqualTo(certificate);
        assertThat(read.body().get("timeSpentSeconds").asLong()).isEqualTo(540);
        assertThat(read.body().at("/quizScores/" + course.quiz()).asInt()).isEqualTo(100);
        assertThat(read.body().at("/grants/0/source").asText()).isEqualTo("free");
        assertThat(read.body().get("completedLessons")).hasSize(2);
        assertThat(myCourses(student).at("/items/0/status").asText()).isEqualTo("completed");

        // a lesson published later lowers the percent; the completion stays
        courses.publishLesson(course.id(), course.draft());
        Await.until(() -> api.get("/api/v1/courses/" + course.id() + "/progress", student).body().path("progressPercent").asInt() == 66,
                Duration.ofSeconds(20), "progress counts the newly published lesson");
        assertThat(api.get("/api/v1/courses/" + course.id() + "/progress", student).body().get("status").asText()).isEqualTo("completed");

        // not enrolled: 403 purchase_required, reading and writing
        String stranger = tokenFor("customer");
        assertThat(api.get("/api/v1/courses/" + course.id() + "/progress", stranger).code()).isEqualTo("purchase_required");
        Api.Response strangerWrites = progress(course.id(), Map.of("lessonId", course.video(), "completed", true), stranger);
        assertThat(strangerWrites.status()).isEqualTo(403);
        assertThat(strangerWrites.code()).isEqualTo("purchase_required");
        assertThat(myCourses(stranger).get("total").asLong()).isZero();
        // a course that does not exist is 404, as its enrollment answers (it was 403 purchase_required, "enroll")
        String unknown = "/api/v1/courses/" + UUID.randomUUID() + "/progress";
        for (Api.Response none : List.of(api.get(unknown, stranger),
                api.post(unknown, Map.of("lessonId", course.video(), "completed", true), stranger))) {
            assertThat(none.status()).as(none.toString()).isEqualTo(404);
            assertThat(none.code()).isEqualTo("not_found");
        }

        // the instructor sees the students; another instructor does not (404); an admin does
        String instructor = tokenAs(course.instructorId(), "instructor");
        Api.Response students = api.get("/api/v1/courses/" + course.id() + "/enrollments", instructor);
        assertThat(students.status()).as(students.toString()).isEqualTo(200);
        assertThat(students.body().get("enrolled").asLong()).isEqualTo(1);
        assertThat(students.body().get("completed").asLong()).isEqualTo(1);
        assertThat(students.body().get("completionRatePercent").asInt()).isEqualTo(100);
        assertThat(students.body().at("/items/0/progressPercent").asInt()).isEqualTo(66);
        assertThat(api.get("/api/v1/courses/" + course.id() + "/enrollments", tokenFor("instructor")).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/courses/" + course.id() + "/enrollments", tokenFor("admin")).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/users/me/enrollments").status()).isEqualTo(401);
    }

    /**
     * The instructor lowers the passing score: a student who had finished every lesson with a quiz average between the
     * new and the old score is completed, with a certificate, without reporting progress again; one short of the
     * lessons is not; one completed before keeps their certificate; raising the score again takes back nothing. Before
     * 2026-12-06 (seventh session) completion was checked only at the student's next progress report (found by a
     * walkthrough).
     */
    @Test
    void aLoweredPassingScore_completesTheStudentsItNowPasses_andNobodyElse() {
        Course course = courses.published("Sourdough " + unique("s"), 0, 70);
        String finished = tokenFor("customer"), halfway = tokenFor("customer"), passed = tokenFor("customer");
        for (String student : List.of(finished, halfway, passed))
            assertThat(enroll(course.id(), null, student).status()).isEqualTo(201);
        progress(course.id(), Map.of("lessonId", course.video(), "completed", true), finished);
        Api.Response fifty = progress(course.id(), Map.of("lessonId", course.quiz(), "quizAnswers", PublishedCourses.HALF), finished);
        assertThat(fifty.body().get("progressPercent").asInt()).isEqualTo(100);
        assertThat(fifty.body().get("status").asText()).as("50 % is short of 70 %").isEqualTo("active");
        progress(course.id(), Map.of("lessonId", course.quiz(), "quizAnswers", PublishedCourses.HALF), halfway);
        progress(course.id(), Map.of("lessonId", course.video(), "completed", true), passed);
        String certificate = progress(course.id(), Map.of("lessonId", course.quiz(), "quizAnswers", PublishedCourses.RIGHT), passed)
                .body().get("certificateId").asText();

        String instructor = tokenAs(course.instructorId(), "instructor");
        Map<String, Object> lowered = new java.util.HashMap<>(Courses.course(
                api.get("/api/v1/courses/" + course.id()).body().get("title").asText(), 0, null));
        lowered.put("passingScore", 50);
        Api.Response changed = api.put("/api/v1/courses/" + course.id(), lowered, instructor);
        assertThat(changed.status()).as(changed.toString()).isEqualTo(204);

        Await.until(() -> "completed".equals(api.get("/api/v1/courses/" + course.id() + "/progress", finished).body()
                .path("status").asText()), Duration.ofSeconds(20), "the student who finished at 50 % is completed");
        JsonNode now = api.get("/api/v1/courses/" + course.id() + "/progress", finished).body();
        assertThat(UUID.fromString(now.get("certificateId").asText())).isNotNull();
        assertThat(api.get("/api/v1/certificates/" + now.get("certificateId").asText()).body().get("quizAverage").asInt())
                .isEqualTo(50);
        // once the processor has handled everything stored now, the others are as they were
        courseCompletionCaughtUp();
        JsonNode short_ = api.get("/api/v1/courses/" + course.id() + "/progress", halfway).body();
        assertThat(short_.get("status").asText()).as("a lesson short").isEqualTo("active");
        assertThat(short_.get("certificateId").isNull()).isTrue();
        assertThat(api.get("/api/v1/courses/" + course.id() + "/progress", passed).body().get("certificateId").asText())
                .isEqualTo(certificate);

        lowered.put("passingScore", 90);
        assertThat(api.put("/api/v1/courses/" + course.id(), lowered, instructor).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/courses/" + course.id() + "/progress", finished).body().get("status").asText())
                .as("a raised score takes back nothing").isEqualTo("completed");
    }

    /**
     * The instructor turns the published quiz into a reading: its score no longer counts, so a student who had done
     * every lesson, short of the score on that quiz only, is completed without reporting progress again; one a lesson
     * short is not. Before 2026-12-06 (ninth session) they stayed short until their next report (found by a
     * walkthrough).
     */
    @Test
    void aQuizMadeAReading_completesTheStudentsItHeldBack() {
        Course course = courses.published("Pickling " + unique("p"), 0, 70);
        String finished = tokenFor("customer"), halfway = tokenFor("customer");
        for (String student : List.of(finished, halfway))
            assertThat(enroll(course.id(), null, student).status()).isEqualTo(201);
        progress(course.id(), Map.of("lessonId", course.video(), "completed", true), finished);
        Api.Response fifty = progress(course.id(), Map.of("lessonId", course.quiz(), "quizAnswers", PublishedCourses.HALF), finished);
        assertThat(fifty.body().get("status").asText()).as("50 % is short of 70 %").isEqualTo("active");
        progress(course.id(), Map.of("lessonId", course.quiz(), "quizAnswers", PublishedCourses.HALF), halfway);

        String instructor = tokenAs(course.instructorId(), "instructor");
        Api.Response changed = api.put("/api/v1/courses/" + course.id() + "/lessons/" + course.quiz(),
                Courses.reading("Read about it", 2, "Brine, then wait."), instructor);
        assertThat(changed.status()).as(changed.toString()).isEqualTo(204);

        Await.until(() -> "completed".equals(api.get("/api/v1/courses/" + course.id() + "/progress", finished).body()
                .path("status").asText()), Duration.ofSeconds(20), "the student held back by the quiz is completed");
        String certificate = api.get("/api/v1/courses/" + course.id() + "/progress", finished).body()
                .get("certificateId").asText();
        JsonNode issued = api.get("/api/v1/certificates/" + certificate).body();
        assertThat(issued.get("valid").asBoolean()).isTrue();
        assertThat(issued.get("quizAverage").isNull()).as("no quiz left to average").isTrue();
        courseCompletionCaughtUp();
        JsonNode short_ = api.get("/api/v1/courses/" + course.id() + "/progress", halfway).body();
        assertThat(short_.get("status").asText()).as("the video still to watch").isEqualTo("active");
        assertThat(short_.get("certificateId").isNull()).isTrue();
    }

    /**
     * The 402 of a paid course offers the wallet only where it can pay: a course priced in another currency than the
     * wallet's is offered the cart alone (before 2026-12-06, ninth session, it offered the wallet, which then refused
     * 422 currency_mismatch; found by a walkthrough).
     */
    @Test
    void paymentRequired_offersTheWalletOnlyInItsCurrency() {
        String instructor = tokenFor("instructor");
        Courses builder = new Courses(api);
        Map<String, String> details = new java.util.HashMap<>();
        for (String currency : List.of("USD", "EUR")) {
            Map<String, Object> body = new java.util.HashMap<>(Courses.course("Priced in " + currency + " " + unique("c"), 2_500, null));
            body.put("currency", currency);
            String id = builder.create(instructor, body);
            builder.publishLesson(instructor, id, builder.addLesson(instructor, id, Courses.reading("One", 1, "x")));
            assertThat(api.post("/api/v1/courses/" + id + "/publish", null, instructor).status()).isEqualTo(204);
            Api.Response unpaid = enroll(id, null, tokenFor("customer"));
            assertThat(unpaid.status()).as(unpaid.toString()).isEqualTo(402);
            assertThat(unpaid.body().get("currency").asText()).isEqualTo(currency);
            details.put(currency, unpaid.body().get("detail").asText());
        }
        assertThat(details.get("USD")).contains("{\"paymentMethod\":\"wallet\"}").contains("POST /api/v1/orders");
        assertThat(details.get("EUR")).doesNotContain("wallet").contains("POST /api/v1/orders");
    }

    @Test
    void paidCourse_fromTheWallet_toTheCent_andRefusedWhenShort_orUnpublished_orArchived() {
        Course course = courses.published("Knife skills", 4_900, 70);
        String student = tokenFor("customer");
        fund(student, 5_000);

        Api.Response unpaid = enroll(course.id(), null, student);
        assertThat(unpaid.status()).as(unpaid.toString()).isEqualTo(402);
        assertThat(unpaid.code()).isEqualTo("payment_required");
        assertThat(unpaid.contentType()).startsWith("application/problem+json");
        assertThat(unpaid.body().get("checkoutUrl").asText()).isEqualTo("/api/v1/orders");
        assertThat(unpaid.body().at("/cartItem/itemId").asText()).isEqualTo(course.id());
        assertThat(unpaid.body().get("priceCents").asLong()).isEqualTo(4_900);
        assertThat(unpaid.body().get("detail").asText()).as("in money, not cents").contains("costs 49.00 USD");
        assertThat(enroll(course.id(), Map.of("paymentMethod", "card"), student).status()).isEqualTo(402);
        assertThat(enroll(course.id(), Map.of("paymentMethod", "cash"), student).code()).isEqualTo("validation_failed");

        Api.Response paid = enroll(course.id(), Map.of("paymentMethod", "wallet"), student,
                UUID.randomUUID().toString());
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        assertThat(paid.body().get("source").asText()).isEqualTo("order");
        assertThat(paid.body().get("paidCents").asLong()).isEqualTo(4_900);
        String orderId = paid.body().get("orderId").asText();
        assertThat(paid.body().get("reference").asText()).isEqualTo(orderId);
        assertThat(paid.body().get("orderNumber").asText()).startsWith("ORD-");
        // its payment, as GET /payments reads it (the client had to build the id itself)
        assertThat(paid.body().get("paymentId").asText()).isEqualTo("wallet-" + orderId);
        Api.Response payment = api.send("GET", "/api/v1/payments/" + paid.body().get("paymentId").asText(), null, null, student,
                Map.of("X-Stoa-Min-Position", paid.header("X-Stoa-Position")));
        assertThat(payment.status()).as(payment.toString()).isEqualTo(200);
        assertThat(payment.body().get("amountCents").asLong()).isEqualTo(4_900);
        JsonNode order = api.get("/api/v1/orders/" + orderId, student).body();
        assertThat(order.get("status").asText()).as("an order of the course alone, paid").isEqualTo("confirmed");
        assertThat(order.get("totalCents").asLong()).isEqualTo(4_900);
        assertThat(order.get("paymentMethod").asText()).isEqualTo("wallet");
        assertThat(order.get("items")).hasSize(1);
        assertThat(order.at("/items/0/courseId").asText()).isEqualTo(course.id());
        JsonNode wallet = api.get("/api/v1/wallet", student).body();
        assertThat(wallet.get("balanceCents").asLong()).isEqualTo(100);
        assertThat(wallet.at("/entries/0/type").asText()).isEqualTo("debit");
        assertThat(wallet.at("/entries/0/amountCents").asLong()).isEqualTo(4_900);
        assertThat(enroll(course.id(), Map.of("paymentMethod", "wallet"), student).code()).isEqualTo("course_already_owned");
        assertThat(api.get("/api/v1/wallet", student).body().get("balanceCents").asLong()).isEqualTo(100);
        assertThat(api.get("/api/v1/courses/" + course.id() + "/progress", student).body().at("/grants/0/reference").asText())
                .isEqualTo(paid.body().get("reference").asText());

        String poorId = UUID.randomUUID().toString();
        String poor = tokenAs(poorId, "customer");
        fund(poor, 1_000);
        Api.Response short_ = enroll(course.id(), Map.of("paymentMethod", "wallet"), poor);
        assertThat(short_.status()).as(short_.toString()).isEqualTo(422);
        assertThat(short_.code()).isEqualTo("insufficient_funds");
        assertThat(api.get("/api/v1/wallet", poor).body().get("balanceCents").asLong()).isEqualTo(1_000);
        assertThat(myCourses(poor).get("total").asLong()).isZero();
        assertThat(api.get("/api/v1/users/" + poorId + "/orders", poor).body().get("total").asLong())
                .as("refused before an order was placed").isZero();

        Course draft = courses.draft("Not yet", 0, 70);
        assertThat(enroll(draft.id(), null, student).status()).isEqualTo(404);
        assertThat(enroll(UUID.randomUUID().toString(), null, student).status()).isEqualTo(404);
        assertThat(enroll("not-a-uuid", null, student).status()).isEqualTo(400);
        Course old = courses.published("Old", 0, 70);
        courses.archive(old.id());
        Api.Response archived = enroll(old.id(), null, student);
        assertThat(archived.status()).isEqualTo(409);
        assertThat(archived.code()).isEqualTo("course_archived");
        // any account enrolls, as any buys the same course at checkout: an instructor without the customer role was
        // refused a free course (403) and sold a paid one before 2026-12-07 (walkthrough Z33; this line pinned the 403)
        Course free = courses.published("Free to all", 0, 70);
        Api.Response instructorEnrolls = enroll(free.id(), null, tokenFor("instructor"));
        assertThat(instructorEnrolls.status()).as(instructorEnrolls.toString()).isEqualTo(201);
        Api.Response vendorEnrolls = enroll(free.id(), null, tokenFor("vendor"));
        assertThat(vendorEnrolls.status()).as(vendorEnrolls.toString()).isEqualTo(201);
    }

    /**
     * A course bought from the wallet is granted twice over: by the request and by {@code course-entitlements}, which
     * meets the order's confirmation meanwhile; whichever comes first grants. When the processor came first, the grant
     * was not the request's write, so its answer did not wait for "my courses" to have it, and the read right after the
     * 201 could miss the course (found by a walkthrough). Many purchases, each read at once: every one is listed.
     */
    @Test
    void aCourseBoughtFromTheWallet_isInMyCoursesOnTheNextRead_whicheverGrantCameFirst() {
        String student = tokenFor("customer");
        fund(student, 12 * 100);
        for (int i = 0; i < 12; i++) {
            Course course = courses.published("Read at once " + i, 100, 70);
            Api.Response paid = enroll(course.id(), Map.of("paymentMethod", "wallet"), student);
            assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
            assertThat(paid.header("X-Stoa-Consistency")).isEqualTo("consistent");
            JsonNode mine = myCourses(student);
            assertThat(mine.get("items").findValuesAsText("courseId")).as("purchase %d: %s", i, mine).contains(course.id());
        }
    }

    @Test
    void concurrentEnrollments_ofOneStudent_makeOneGrant_andTakeTheMoneyOnce() throws Exception {
        Course free = courses.published("Race free", 0, 70);
        String studentId = UUID.randomUUID().toString();
        String student = tokenAs(studentId, "customer");
        List<Integer> statuses = Race.times(8, () -> enroll(free.id(), null, student).status());
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s != 201).allMatch(s -> s == 409);

        Course paid = courses.published("Race paid", 1_500, 70);
        fund(student, 10_000); // enough for every racer: the losers are refused before any order or debit
        List<Integer> paying = Race.times(6, () -> enroll(paid.id(), Map.of("paymentMethod", "wallet"), student).status());
        assertThat(paying).filteredOn(s -> s == 201).hasSize(1);
        assertThat(paying).filteredOn(s -> s != 201).allMatch(s -> s == 409);
        Await.until(() -> api.get("/api/v1/wallet", student).body().get("balanceCents").asLong() == 8_500, Duration.ofSeconds(20),
                "one debit of 1500 in all (" + api.get("/api/v1/wallet", student).body() + ")");

        // counted in the event store itself, by the enrollment's id: the read model may still be on its way (CI once
        // read enrollment_view before it had the row, and counted no grant)
        for (Course c : List.of(free, paid)) {
            String enrollment = EnrollmentId.of(new UserId(studentId), new CourseId(c.id())).value();
            Integer grants = jdbc.queryForObject("select count(*) from domain_event_entry where type = 'Enrollment' "
                    + "and payload_type = 'dev.stoa.api.learning.EnrollmentGranted' and aggregate_identifier = ?",
                    Integer.class, enrollment);
            assertThat(grants).as("grants of " + c.id()).isEqualTo(1);
        }
    }

    @Test
    void aWalletPurchaseWhoseRequestDiedAfterTheDebit_isGranted_orRefundedWhenTheCourseClosedMeanwhile() {
        Course course = courses.published("Fermentation", 2_000, 70);
        Course closing = courses.published("Smoking", 1_500, 70);
        String studentId = UUID.randomUUID().toString();
        String student = tokenAs(studentId, "customer");
        fund(student, 5_000);
        String granted = diedAfterDebit(studentId, course.id(), 2_000);
        String refunded = diedAfterDebit(studentId, closing.id(), 1_500);
        String neverDebited = UUID.randomUUID().toString();
        jdbc.update("insert into course_wallet_purchase(purchase_id, user_id, course_id, amount_cents, currency, started_at) "
                + "values (?, ?, ?, 900, 'USD', now() - interval '10 minutes')", neverDebited, studentId, course.id());
        courses.archive(closing.id());
        assertThat(api.get("/api/v1/wallet", student).body().get("balanceCents").asLong()).isEqualTo(1_500);

        assertThat(context.getBean(WalletPurchases.class).runOnce()).isEqualTo(3);

        // the job's grant is no HTTP write (no read-your-writes wait): its read model is awaited
        String progressPath = "/api/v1/courses/" + course.id() + "/progress";
        Await.until(() -> !api.get(progressPath, student).body().at("/grants/0/source").asText().isEmpty(),
                Duration.ofSeconds(20), "the job's grant in the read model");
        JsonNode progress = api.get(progressPath, student).body();
        assertThat(progress.at("/grants/0/source").asText()).isEqualTo("wallet");
        assertThat(progress.at("/grants/0/reference").asText()).isEqualTo(granted);
        // not granted: the archived course is 404 to them, as the course itself (this line asserted 403
        // purchase_required, which told a non-student the archived course exists, until 2026-12-07: walkthrough Z33)
        assertThat(api.get("/api/v1/courses/" + closing.id() + "/progress", student).code()).isEqualTo("not_found");
        assertThat(api.get("/api/v1/courses/" + closing.id(), student).status()).isEqualTo(404);
        Await.until(() -> api.get("/api/v1/wallet", student).body().get("balanceCents").asLong() == 3_000,
                Duration.ofSeconds(20), "the closed course's 1500 back: 5000 - 2000");
        assertThat(jdbc.queryForObject("select count(*) from course_wallet_purchase where purchase_id in (?, ?, ?)",
                Integer.class, granted, refunded, neverDebited)).isZero();
        assertThat(context.getBean(WalletPurchases.class).runOnce()).as("settled once").isZero();
    }

    /**
     * A wallet purchase whose grant was refused and refunded in its request, which then died before it could end the
     * purchase's row: the recovery must not grant the course (the money is back), only end the row.
     */
    @Test
    void aWalletPurchaseRefundedInItsRequestThatDiedBeforeTheEnd_isNotGrantedByTheRecovery() {
        Course course = courses.published("Pickling", 1_200, 70);
        String studentId = UUID.randomUUID().toString();
        String student = tokenAs(studentId, "customer");
        fund(student, 5_000);
        String purchase = diedAfterDebit(studentId, course.id(), 1_200);
        commands.sendAndWait(new dev.stoa.api.wallet.RefundToWallet(new UserId(studentId), new OrderId(purchase),
                "enrollment-refused-" + purchase, 1_200, "USD"));
        // a command sent directly, not an HTTP write: its read model is awaited, by the refund's entry (the balance alone
        // read 5,000 before the debit was projected too, and the last assertion then met the debit without the refund)
        Await.until(() -> {
            JsonNode wallet = api.get("/api/v1/wallet", student).body();
            return wallet.get("entries").findValuesAsText("type").contains("refund") && wallet.get("balanceCents").asLong() == 5_000;
        }, Duration.ofSeconds(20), "the refund in the wallet's read model");

        assertThat(context.getBean(WalletPurchases.class).runOnce()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from course_wallet_purchase where purchase_id = ?", Integer.class,
                purchase)).isZero();
        String enrollment = dev.stoa.api.learning.EnrollmentId.of(new UserId(studentId),
                new dev.stoa.api.learning.CourseId(course.id())).value();
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?", Integer.class,
                enrollment)).as("no grant for money given back").isZero();
        assertThat(api.get("/api/v1/courses/" + course.id() + "/progress", student).code()).isEqualTo("purchase_required");
        assertThat(api.get("/api/v1/wallet", student).body().get("balanceCents").asLong()).isEqualTo(5_000);
    }

    /**
     * A course bought on its page from the wallet is an order, so its buyer can ask for it back as for a course bought at
     * checkout: the request is approved, the wallet gets its 25.00 back, the access goes. Before, the purchase had no
     * order: the refund request answered 404, and nothing at all gave the money back or revoked the course.
     */
    @Test
    void aCourseBoughtFromTheWallet_isRefundedByARefundRequest_andItsAccessRevoked() {
        Course course = courses.published("Croissants", 2_500, 70);
        String studentId = UUID.randomUUID().toString();
        String student = tokenAs(studentId, "customer");
        fund(student, 3_000);
        Api.Response paid = enroll(course.id(), Map.of("paymentMethod", "wallet"), student, UUID.randomUUID().toString());
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        String orderId = paid.body().get("orderId").asText();
        assertThat(api.get("/api/v1/users/" + studentId + "/orders", student).body().get("total").asLong()).isEqualTo(1);

        Api.Response request = api.post("/api/v1/refunds", Map.of("orderId", orderId, "reason", "not for me"), student);
        assertThat(request.status()).as(request.toString()).isEqualTo(201);
        String refundId = request.body().get("refundId").asText();
        Api.Response approved = api.post("/api/v1/refunds/" + refundId + "/approve", Map.of(), tokenFor("admin"));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.body().get("totalCents").asLong()).isEqualTo(2_500);
        Await.until(() -> api.get("/api/v1/wallet", student).body().get("balanceCents").asLong() == 3_000,
                Duration.ofSeconds(30), "the 25.00 back in the wallet");
        String progressPath = "/api/v1/courses/" + course.id() + "/progress";
        Await.until(() -> "revoked".equals(api.get(progressPath, student).body().path("status").asText()),
                Duration.ofSeconds(30), "the access revoked");
        assertThat(api.get(progressPath, student).body().at("/grants/0/revokedReason").asText()).isEqualTo("refunded");
        Api.Response blocked = progress(course.id(), Map.of("lessonId", course.video(), "completed", true), student);
        assertThat(blocked.code()).isEqualTo("enrollment_revoked");

        // the auditor's timeline of the order has the grant and the revocation (they name the order as their reference;
        // before, neither was there), and the revocation names the event that course-entitlements reacted to
        String auditor = tokenFor("auditor");
        String history = "/api/v1/audit/order/" + orderId + "/history";
        Await.until(() -> timelineKinds(api.get(history, auditor)).containsAll(List.of("grant", "revocation")),
                Duration.ofSeconds(30), "the grant and the revocation in the order's timeline");
        JsonNode revocation = null, walletRefund = null;
        for (JsonNode moment : api.get(history, auditor).body().get("timeline")) {
            if (moment.get("kind").asText().equals("revocation")) revocation = moment;
            if (moment.get("event").asText().equals("WalletRefunded")) walletRefund = moment;
        }
        // the access went before the money came back, so no progress lands on a course paid back (before 2026-12-07
        // the wallet was refunded first, and progress posted in between was recorded, a certificate issued; walkthrough)
        assertThat(walletRefund).as("the wallet's refund in the order's timeline").isNotNull();
        assertThat(revocation.get("position").asLong()).as("revoked before the wallet was refunded")
                .isLessThan(walletRefund.get("position").asLong());
        JsonNode enrollment = api.get("/api/v1/audit/enrollment/" + revocation.get("aggregateId").asText() + "/history",
                auditor).body();
        JsonNode revoked = null;
        for (JsonNode step : enrollment.get("events"))
            if (step.at("/event/type").asText().equals("EnrollmentRevoked")) revoked = step;
        // the revocation is sent twice, whichever is first does it (CompletesItsWrite): the approval's request (since the
        // fifth session of 2026-12-06), named with its request, or course-entitlements, named with the event it reacted
        // to. This asserted the second alone and passed while the processor won the race.
        JsonNode cause = revoked.at("/cause");
        if (cause.path("kind").asText().equals("command")) {
            assertThat(cause.path("type").asText()).as(cause.toString()).isEqualTo("RevokeEnrollment");
            assertThat(cause.path("request").asText()).isEqualTo("POST /api/v1/refunds/" + refundId + "/approve");
        } else {
            assertThat(cause.path("kind").asText()).as(cause.toString()).isEqualTo("event");
            assertThat(cause.path("command").asText()).isEqualTo("RevokeEnrollment");
            assertThat(cause.path("position").asLong()).isPositive();
        }
    }

    private static List<String> timelineKinds(Api.Response history) {
        List<String> kinds = new java.util.ArrayList<>();
        if (history.status() == 200) history.body().get("timeline").forEach(m -> kinds.add(m.get("kind").asText()));
        return kinds;
    }

    /**
     * The wallet's debit gets no answer (a timeout, a lost connection: a failure without a problem); it may still land,
     * so the course's order stays pending (the course is not sold again meanwhile), and once the debit has landed the
     * order's saga confirms it and {@code course-entitlements} grants the course: one debit, one grant.
     */
    @Test
    void aWalletDebitWithoutAnswer_leavesTheOrderPending_andItsSagaConfirmsAndGrantsOnceTheDebitLands() {
        Course course = courses.published("Sourdough", 2_500, 70);
        String studentId = UUID.randomUUID().toString();
        String student = tokenAs(studentId, "customer");
        fund(student, 5_000);
        java.util.concurrent.atomic.AtomicReference<DebitWallet> unanswered = new java.util.concurrent.atomic.AtomicReference<>();
        org.axonframework.commandhandling.CommandBus bus = context.getBean(org.axonframework.commandhandling.CommandBus.class);
        var registration = ((org.axonframework.messaging.MessageHandlerInterceptorSupport<org.axonframework.commandhandling.CommandMessage<?>>) bus)
                .registerHandlerInterceptor((unitOfWork, chain) -> {
                    if (unitOfWork.getMessage().getPayload() instanceof DebitWallet debit && debit.userId().value().equals(studentId)
                            && unanswered.compareAndSet(null, debit))
                        throw new org.axonframework.commandhandling.CommandExecutionException("no answer in time",
                                new java.util.concurrent.TimeoutException("the debit's answer did not come"));
                    return chain.proceed();
                });
        Api.Response first;
        String key = UUID.randomUUID().toString();
        try {
            first = enroll(course.id(), Map.of("paymentMethod", "wallet"), student, key);
        } finally {
            registration.cancel();
        }
        assertThat(first.status()).as(first.toString()).isEqualTo(503);
        String order = unanswered.get().orderId().value();
        Await.until(() -> "pending".equals(api.get("/api/v1/orders/" + order, student).body().path("status").asText()),
                Duration.ofSeconds(20), "the order pending (a 503 carries no position to read it at)");
        Api.Response again = enroll(course.id(), Map.of("paymentMethod", "wallet"), student);
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("course_in_pending_order");

        commands.sendAndWait(unanswered.get()); // the debit lands after all
        Await.until(() -> "confirmed".equals(api.get("/api/v1/orders/" + order, student).body().path("status").asText()),
                Duration.ofSeconds(20), "the order confirmed by its saga");
        String progressPath = "/api/v1/courses/" + course.id() + "/progress";
        Await.until(() -> !api.get(progressPath, student).body().at("/grants/0/source").asText().isEmpty(),
                Duration.ofSeconds(20), "the order's grant in the read model");
        assertThat(api.get(progressPath, student).body().at("/grants/0/source").asText()).isEqualTo("order");
        assertThat(api.get(progressPath, student).body().at("/grants/0/reference").asText()).isEqualTo(order);
        assertThat(api.get(progressPath, student).body().get("grants").size()).isEqualTo(1);
        Await.until(() -> api.get("/api/v1/wallet", student).body().get("balanceCents").asLong() == 2_500,
                Duration.ofSeconds(20), "one debit of 2500");
        // the client retries with its key (a 503 is not kept): the order its first attempt placed, not a 409, though the
        // student has the course by now and it takes no new students any more
        courses.archive(course.id());
        Api.Response retried = enroll(course.id(), Map.of("paymentMethod", "wallet"), student, key);
        assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
        assertThat(retried.body().get("orderId").asText()).isEqualTo(order);
        assertThat(retried.body().get("status").asText()).isEqualTo("active");
        assertThat(api.get("/api/v1/wallet", student).body().get("balanceCents").asLong()).as("not charged again")
                .isEqualTo(2_500);
    }

    /** An account suspended since its token was issued buys no course with it, free or from the wallet. */
    @Test
    void aSuspendedStudentsStillValidToken_enrollsInNothing() {
        Course free = courses.published("Knots", 0, 70);
        Course paid = courses.published("Sailing", 1_000, 70);
        UserId id = UserId.random();
        commands.sendAndWait(new dev.stoa.api.identity.RegisterUser(id, unique("student") + "@example.org",
                "$2a$10$abcdefghijklmnopqrstuv", "Stu", "Dent", null, java.util.Set.of("customer"), true));
        String student = tokenAs(id.value(), "customer");
        fund(student, 5_000);
        assertThat(api.post("/api/v1/admin/users/" + id.value() + "/suspend", Map.of("reason", "chargebacks"), tokenFor("admin"))
                .status()).isEqualTo(204);

        for (Api.Response refused : List.of(enroll(free.id(), null, student),
                enroll(paid.id(), Map.of("paymentMethod", "wallet"), student))) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("account_suspended");
        }
        assertThat(api.get("/api/v1/wallet", student).body().get("balanceCents").asLong()).isEqualTo(5_000);
        assertThat(myCourses(student).get("total").asLong()).isZero();
    }

    /**
     * A course's instructor, a customer too, neither enrolls in it nor puts it in a cart: 409 course_already_owned, as
     * they read every lesson as its instructor. Before 2026-12-07 they enrolled, completed their own quiz, whose answers
     * they wrote, got a certificate and counted among its students (walkthrough Z8).
     */
    @Test
    void anInstructor_doesNotEnrollInTheirOwnCourse() {
        Course free = courses.published("Splicing", 0, 70);
        Course paid = courses.published("Navigation", 2_000, 70);
        String teacher = tokenAs(free.instructorId(), "instructor", "customer");
        for (Api.Response refused : List.of(enroll(free.id(), null, teacher),
                api.post("/api/v1/cart/items", Map.of("itemType", "course", "itemId", free.id(), "quantity", 1), teacher))) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
            assertThat(refused.code()).isEqualTo("course_already_owned");
            assertThat(refused.body().get("detail").asText()).contains("you teach");
        }
        String paidTeacher = tokenAs(paid.instructorId(), "instructor", "customer");
        fund(paidTeacher, 5_000);
        Api.Response fromWallet = enroll(paid.id(), Map.of("paymentMethod", "wallet"), paidTeacher);
        assertThat(fromWallet.code()).as(fromWallet.toString()).isEqualTo("course_already_owned");
        assertThat(api.get("/api/v1/wallet", paidTeacher).body().get("balanceCents").asLong()).isEqualTo(5_000);
        assertThat(api.get("/api/v1/courses/" + free.id() + "/lessons/" + free.video() + "/content", teacher).status())
                .as("its instructor reads it").isEqualTo(200);
        assertThat(enroll(free.id(), null, tokenFor("customer")).status()).as("a student enrolls").isEqualTo(201);
    }

    /**
     * A lesson's first opening is recorded on the enrollment, and counts against a refund: a write, which a suspended
     * account's still valid token does not make (it did before 2026-12-07, through the content read; walkthrough Z8).
     * A lesson opened before is read again whatever the account's state, as other reads are.
     */
    @Test
    void aSuspendedStudentsStillValidToken_opensNoNewLesson_andRereadsAnOpenedOne() {
        Course course = courses.published("Rigging", 0, 70);
        UserId id = UserId.random();
        commands.sendAndWait(new dev.stoa.api.identity.RegisterUser(id, unique("student") + "@example.org",
                "$2a$10$abcdefghijklmnopqrstuv", "Stu", "Dent", null, java.util.Set.of("customer"), true));
        String student = tokenAs(id.value(), "customer");
        assertThat(enroll(course.id(), null, student).status()).isEqualTo(201);
        String lessons = "/api/v1/courses/" + course.id() + "/lessons/";
        assertThat(api.get(lessons + course.video() + "/content", student).status()).isEqualTo(200);
        String admin = tokenFor("admin");
        assertThat(api.post("/api/v1/admin/users/" + id.value() + "/suspend", Map.of("reason", "chargebacks"), admin)
                .status()).isEqualTo(204);

        Api.Response quiz = api.get(lessons + course.quiz() + "/content", student);
        assertThat(quiz.status()).as(quiz.toString()).isEqualTo(403);
        assertThat(quiz.code()).isEqualTo("account_suspended");
        assertThat(api.send("HEAD", lessons + course.quiz() + "/content", null, null, student, Map.of()).status())
                .as("a HEAD answers as its GET").isEqualTo(403);
        assertThat(api.get(lessons + course.video() + "/content", student).status()).as("opened before").isEqualTo(200);

        assertThat(api.post("/api/v1/admin/users/" + id.value() + "/reinstate", null, admin).status()).isEqualTo(204);
        Await.until(() -> api.get("/api/v1/courses/" + course.id() + "/progress", student).body().path("openedLessons")
                .size() > 0, java.time.Duration.ofSeconds(20), "the first opening shown");
        JsonNode progress = api.get("/api/v1/courses/" + course.id() + "/progress", student).body();
        assertThat(progress.get("openedLessons")).extracting(JsonNode::asText).containsExactly(course.video());
        assertThat(api.get(lessons + course.quiz() + "/content", student).status()).as("reinstated").isEqualTo(200);
    }

    /**
     * A course waiting for payment in a card order is not bought again from the wallet: paid later, that order would
     * grant it a second time (an order's grant is honoured whatever access the buyer has), charging it twice.
     */
    @Test
    void aCourseInAPendingCardOrder_isNotBoughtAgainFromTheWallet() {
        Course course = courses.published("Charcuterie", 3_000, 70);
        String student = tokenFor("customer");
        fund(student, 10_000);
        Api.Response order = checkout(course.id(), "card", student);
        assertThat(order.body().get("status").asText()).isEqualTo("pending");

        Api.Response again = enroll(course.id(), Map.of("paymentMethod", "wallet"), student);
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("course_in_pending_order");
        assertThat(again.body().get("detail").asText()).contains(order.body().get("orderNumber").asText());
        assertThat(api.get("/api/v1/wallet", student).body().get("balanceCents").asLong()).isEqualTo(10_000);
        // without a payment method: the same 409, not a 402 pointing to a checkout that would be refused so (it was)
        Api.Response plain = enroll(course.id(), null, student);
        assertThat(plain.status()).as(plain.toString()).isEqualTo(409);
        assertThat(plain.code()).isEqualTo("course_in_pending_order");

        // once the order is cancelled, the wallet buys it
        assertThat(api.post("/api/v1/orders/" + order.body().get("orderId").asText() + "/cancel", null, student).status())
                .isBetween(200, 204);
        Api.Response bought = enroll(course.id(), Map.of("paymentMethod", "wallet"), student);
        assertThat(bought.status()).as(bought.toString()).isEqualTo(201);
    }

    /**
     * A checkout and a wallet enrollment of one course by one student at once: each notes itself before it looks for the
     * other, so they cannot both pay. Here the other request is caught in flight, noted and not yet further.
     */
    @Test
    void aCourseBeingBoughtFromTheWallet_isNotCheckedOutAtOnce_norBoughtFromTheWalletWhileACheckoutOfItIsUnderWay() {
        Course course = courses.published("Terrines", 2_000, 70);
        String me = UUID.randomUUID().toString();
        String student = tokenAs(me, "customer");
        fund(student, 10_000);

        String purchase = UUID.randomUUID().toString(); // a wallet purchase noted by another request, not debited yet
        jdbc.update("insert into course_wallet_purchase(purchase_id, user_id, course_id, amount_cents, currency) "
                + "values (?, ?, ?, 2000, 'USD')", purchase, me, course.id());
        assertThat(api.post("/api/v1/cart/items", Map.of("itemType", "course", "itemId", course.id(), "quantity", 1), student)
                .status()).isBetween(200, 204);
        Api.Response checkout = api.post("/api/v1/orders", Map.of("paymentMethod", "wallet"), student,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(checkout.status()).as(checkout.toString()).isEqualTo(409);
        assertThat(checkout.code()).isEqualTo("course_already_owned");
        assertThat(api.get("/api/v1/cart", student).body().get("items")).as("the cart keeps it").hasSize(1);
        jdbc.update("delete from course_wallet_purchase where purchase_id = ?", purchase);

        String attempt = UUID.randomUUID().toString(); // a checkout of it noted by another request, its order not placed yet
        jdbc.update("insert into checkout_attempt(order_id, buyer_id, products, courses) values (?, ?, '', ?)",
                attempt, me, course.id());
        jdbc.update("insert into checkout_course_claim(buyer_id, course_id, order_id) values (?, ?, ?)", me, course.id(),
                attempt);
        Api.Response wallet = enroll(course.id(), Map.of("paymentMethod", "wallet"), student);
        assertThat(wallet.status()).as(wallet.toString()).isEqualTo(409);
        assertThat(wallet.code()).isEqualTo("course_in_pending_order");
        assertThat(jdbc.queryForObject("select count(*) from checkout_attempt where buyer_id = ? and order_id <> ?", Long.class,
                me, attempt)).as("the refused purchase's note is gone").isZero();
        assertThat(jdbc.queryForObject("select order_id from checkout_course_claim where buyer_id = ? and course_id = ?",
                String.class, me, course.id())).as("the claim stays the other checkout's").isEqualTo(attempt);
        assertThat(api.get("/api/v1/users/" + me + "/orders", student).body().get("total").asLong()).as("no order").isZero();
        jdbc.update("delete from checkout_course_claim where order_id = ?", attempt);
        jdbc.update("delete from checkout_attempt where order_id = ?", attempt);

        assertThat(enroll(course.id(), Map.of("paymentMethod", "wallet"), student).status()).isEqualTo(201);
        Await.until(() -> api.get("/api/v1/wallet", student).body().get("balanceCents").asLong() == 8_000,
                Duration.ofSeconds(20), "one debit of 2000 (" + api.get("/api/v1/wallet", student).body() + ")");
        // owned now, it is out of the cart (it stayed there, for sale, until the checkout refused it)
        assertThat(api.get("/api/v1/cart", student).body().get("items")).as("the owned course left the cart").isEmpty();
    }

    /** The same, raced: a checkout by wallet and a wallet enrollment of one course sent at once never both pay. */
    @Test
    void aCheckoutAndAWalletEnrollmentOfOneCourseAtOnce_payOnceAtMost() throws Exception {
        String student = tokenFor("customer");
        fund(student, 20_000);
        long paid = 0;
        for (int round = 0; round < 5; round++) {
            Course course = courses.published("Race " + round, 1_000, 70);
            assertThat(api.post("/api/v1/cart/items", Map.of("itemType", "course", "itemId", course.id(), "quantity", 1),
                    student).status()).isBetween(200, 204);
            List<Api.Response> answers = Race.of(List.of(
                    () -> api.post("/api/v1/orders", Map.of("paymentMethod", "wallet"), student,
                            Map.of("Idempotency-Key", UUID.randomUUID().toString())),
                    () -> enroll(course.id(), Map.of("paymentMethod", "wallet"), student)));
            List<Integer> statuses = answers.stream().map(Api.Response::status).toList();
            assertThat(statuses).as("round " + round).filteredOn(s -> s == 201).hasSizeLessThanOrEqualTo(1);
            // the loser: 409 course_already_owned; or, a checkout that read the cart after the enrollment took the
            // course out of it, 422 cart_empty (the cart holds nothing to order)
            assertThat(answers).as("round " + round).allMatch(a -> a.status() == 201 || a.status() == 409
                    || (a.status() == 422 && "cart_empty".equals(a.code())));
            paid += statuses.contains(201) ? 1_000 : 0;
            api.delete("/api/v1/cart", student);
        }
        long expected = 20_000 - paid;
        Await.until(() -> api.get("/api/v1/wallet", student).body().get("balanceCents").asLong() == expected,
                Duration.ofSeconds(20), "one debit per course bought (" + api.get("/api/v1/wallet", student).body() + ")");
    }

    /**
     * A student whose default address is in Germany pays from the wallet the tax the checkout adds on a course there
     * (19 %): 49.00 + 9.31, as another student there pays at the checkout. Before, the wallet took the bare price.
     */
    @Test
    void aWalletPurchase_chargesTheTaxTheCheckoutCharges() {
        Course course = courses.published("Brotbacken", 4_900, 70);
        String student = customerIn("DE");
        fund(student, 10_000);
        Api.Response paid = enroll(course.id(), Map.of("paymentMethod", "wallet"), student);
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        assertThat(paid.body().get("paidCents").asLong()).isEqualTo(4_900 + 931);
        assertThat(api.get("/api/v1/wallet", student).body().get("balanceCents").asLong()).isEqualTo(10_000 - 5_831);

        String other = customerIn("DE");
        fund(other, 10_000);
        Api.Response order = checkout(course.id(), "wallet", other);
        assertThat(order.body().get("totalCents").asLong()).as("the same at the checkout").isEqualTo(5_831);
    }

    /** A registered customer whose default address is in {@code country}; answers their token. */
    private String customerIn(String country) {
        UserId id = UserId.random();
        commands.sendAndWait(new dev.stoa.api.identity.RegisterUser(id, unique("student") + "@example.org",
                "$2a$10$abcdefghijklmnopqrstuv", "Gret", "Chen", null, java.util.Set.of("customer"), true));
        String token = tokenAs(id.value(), "customer");
        Api.Response address = api.post("/api/v1/users/" + id.value() + "/addresses", Map.of("label", "home",
                "streetLine1", "Unter den Linden 1", "city", "Berlin", "postalCode", "10117", "countryCode", country,
                "isDefault", true), token);
        assertThat(address.status()).as(address.toString()).isEqualTo(201);
        return token;
    }

    /**
     * A student of a course archived since keeps its outline, detail and reviews, as they keep its lessons; others do
     * not see them. Before 2026-12-07 the detail was 404 to its students (a client could not show the page of a course
     * the user has), and the reviews 200 to anyone (found by a walkthrough).
     */
    @Test
    void anArchivedCoursesOutline_staysReadableToItsStudents() {
        Course course = courses.published("Old ways", 0, 70);
        String student = tokenFor("customer");
        assertThat(enroll(course.id(), null, student).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/courses/" + course.id() + "/progress", Map.of("lessonId", course.video(), "completed", true),
                student).status()).isEqualTo(200);
        Api.Response review = api.post("/api/v1/courses/" + course.id() + "/reviews", Map.of("rating", 4, "comment", "solid"), student);
        assertThat(review.status()).as(review.toString()).isEqualTo(201);
        // its Location is read as the course's list shows it (405 before 2026-12-07; walkthrough Z41)
        Api.Response located = api.get(review.header("Location"));
        assertThat(located.status()).as(located.toString()).isEqualTo(200);
        assertThat(located.body().get("comment").asText()).isEqualTo("solid");
        courses.archive(course.id());

        Api.Response detail = api.get("/api/v1/courses/" + course.id(), student);
        assertThat(detail.status()).as(detail.toString()).isEqualTo(200);
        assertThat(detail.body().get("status").asText()).isEqualTo("archived");
        Api.Response reviews = api.get("/api/v1/courses/" + course.id() + "/reviews", student);
        assertThat(reviews.status()).as(reviews.toString()).isEqualTo(200);
        assertThat(reviews.body().get("total").asLong()).isEqualTo(1);
        // its progress too: a student's own reads 200, an outsider's 404 as the course's, not 403 purchase_required,
        // which told them it exists (until 2026-12-07, walkthrough Z33)
        assertThat(api.get("/api/v1/courses/" + course.id() + "/progress", student).status()).isEqualTo(200);
        String outsiderToken = tokenFor("customer");
        Api.Response theirProgress = api.get("/api/v1/courses/" + course.id() + "/progress", outsiderToken);
        assertThat(theirProgress.status()).as(theirProgress.toString()).isEqualTo(404);
        Api.Response theirReport = api.post("/api/v1/courses/" + course.id() + "/progress",
                Map.of("lessonId", course.video(), "completed", true), outsiderToken);
        assertThat(theirReport.status()).as(theirReport.toString()).isEqualTo(404);
        assertThat(theirReport.code()).isEqualTo("not_found");
        // its instructor and admins see it: they are told they are not enrolled, not that it does not exist (they read
        // 404 the day it changed; walkthrough Z37)
        for (String seer : new String[] {tokenAs(course.instructorId(), "instructor"), tokenFor("admin")}) {
            Api.Response seen = api.get("/api/v1/courses/" + course.id() + "/progress", seer);
            assertThat(seen.code()).as(seen.toString()).isEqualTo("purchase_required");
            Api.Response reported = api.post("/api/v1/courses/" + course.id() + "/progress",
                    Map.of("lessonId", course.video(), "completed", true), seer);
            assertThat(reported.code()).as(reported.toString()).isEqualTo("purchase_required");
        }
        // a draft's too, which they read as well (404 until 2026-12-07; walkthrough Z39); an outsider's 404
        Course draft = courses.draft("Still drafting", 0, 70);
        for (String seer : new String[] {tokenAs(draft.instructorId(), "instructor"), tokenFor("admin")})
            assertThat(api.get("/api/v1/courses/" + draft.id() + "/progress", seer).code()).isEqualTo("purchase_required");
        assertThat(api.get("/api/v1/courses/" + draft.id() + "/progress", outsiderToken).code()).isEqualTo("not_found");
        for (String outsider : new String[] {tokenFor("customer"), null}) {
            assertThat(api.get("/api/v1/courses/" + course.id(), outsider).status()).isEqualTo(404);
            Api.Response hidden = api.get("/api/v1/courses/" + course.id() + "/reviews", outsider);
            assertThat(hidden.status()).as("an archived course's reviews are not an outsider's: " + hidden).isEqualTo(404);
            assertThat(api.get(review.header("Location"), outsider).status()).as("nor one of them").isEqualTo(404);
        }

        Api.Response outline = api.get("/api/v1/courses/" + course.id() + "/lessons", student);
        assertThat(outline.status()).as(outline.toString()).isEqualTo(200);
        assertThat(outline.body().get("items")).hasSize(2);
        assertThat(outline.body().at("/items/0/id").asText()).isEqualTo(course.video());
        assertThat(outline.body().get("fullContent").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/courses/" + course.id() + "/lessons", tokenFor("customer")).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/courses/" + course.id() + "/lessons").status()).isEqualTo(404);
    }

    /** A wallet purchase noted and debited ten minutes ago whose request died before the grant; answers its id. */
    private String diedAfterDebit(String userId, String courseId, long cents) {
        String purchase = UUID.randomUUID().toString();
        jdbc.update("insert into course_wallet_purchase(purchase_id, user_id, course_id, amount_cents, currency, started_at) "
                + "values (?, ?, ?, ?, 'USD', now() - interval '10 minutes')", purchase, userId, courseId, cents);
        commands.sendAndWait(new DebitWallet(new UserId(userId), new OrderId(purchase), cents, "USD"));
        return purchase;
    }

    private Api.Response enroll(String courseId, Object body, String token, String idempotencyKey) {
        return api.post("/api/v1/courses/" + courseId + "/enroll", body, token, Map.of("Idempotency-Key", idempotencyKey));
    }

    /** Puts the course in the cart and checks it out (201) with {@code paymentMethod}; answers the order. */
    private Api.Response checkout(String courseId, String paymentMethod, String token) {
        assertThat(api.post("/api/v1/cart/items", Map.of("itemType", "course", "itemId", courseId, "quantity", 1), token)
                .status()).isBetween(200, 204);
        Api.Response order = api.post("/api/v1/orders", Map.of("paymentMethod", paymentMethod), token,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(order.status()).as(order.toString()).isEqualTo(201);
        return order;
    }

    /** Tops the user's wallet up by a voucher of {@code cents}. */
    private void fund(String token, long cents) {
        String admin = tokenFor("admin");
        Api.Response batch = api.post("/api/v1/admin/vouchers", Map.of("amountCents", cents, "currency", "USD", "count", 1,
                "expiresAt", Instant.now().plus(1, ChronoUnit.DAYS).toString()), admin);
        assertThat(batch.status()).as(batch.toString()).isEqualTo(201);
        Api.Response redeemed = api.post("/api/v1/wallet/redeem", Map.of("code", batch.body().at("/codes/0").asText()), token);
        assertThat(redeemed.status()).as(redeemed.toString()).isEqualTo(200);
    }
}
