package dev.stoa.app.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stoa.api.identity.TokenFamilyId;
import dev.stoa.api.identity.UserId;
import dev.stoa.app.support.Api;
import dev.stoa.app.support.ApiTest;
import dev.stoa.app.support.Mailbox;
import dev.stoa.command.identity.TokenIssuer;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.Set;
import dev.stoa.api.identity.IssueLoginCode;
import dev.stoa.api.identity.MayIssueLoginCode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageHandlerInterceptorSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Through HTTP: whoever registers another person's address loses every hold once the owner proves it;
 * login codes are capped and guesses count towards the lockout; passwords of any allowed length work; an
 * unverified registration expires and frees the address; sessions have an absolute lifetime.
 */
class AccountTakeoverIT extends ApiTest {
    private static final String ATTACKER_PASSWORD = "attacker knows 1";
    @Autowired JdbcTemplate jdbc;
    @Autowired CommandBus commandBus;
    @Autowired TokenIssuer tokenIssuer;
    private Mailbox mailbox;

    private Api.Response register(String email, String password) {
        return api.post("/api/v1/auth/register", Map.of("email", email, "password", password, "firstName", "Eve",
                "lastName", "Early"), null);
    }

    private Api.Response login(String email, String password) {
        return api.post("/api/v1/auth/login", Map.of("email", email, "password", password), null);
    }

    private Api.Response loginWithCode(String email) throws InterruptedException {
        String code = requestCode(email);
        return api.post("/api/v1/auth/otp/verify", Map.of("email", email, "code", code), null);
    }

    private void awaitLoginCodeMails(String email, int count) throws InterruptedException {
        for (int i = 0; i < 600 && loginCodeMails(email) < count; i++) Thread.sleep(50);
        assertThat(loginCodeMails(email)).as("login code mails").isEqualTo(count);
    }

    private long loginCodeMails(String email) {
        return mailbox.all(email).stream().filter(m -> m.get("subject").asText().contains("login code")).count();
    }

    /** Asks for a login code and waits for its mail (the code is issued after the 202); answers the code. */
    private String requestCode(String email) throws InterruptedException {
        // a login code's mail, not any: another mail (a new sign-in's) arriving first let the next request come while
        // this code's task still ran, which drops it (one task per account at a time), so fewer codes were made
        long before = loginCodeMails(email);
        assertThat(api.post("/api/v1/auth/otp/request", Map.of("email", email), null).status()).isEqualTo(202);
        awaitLoginCodeMails(email, (int) before + 1);
        return mailbox.find(email, "login code", "\\b(\\d{6})\\b");
    }

    @Test
    void theOwnerProvingTheAddressVoidsThePasswordAPreRegistrantChose() throws Exception {
        mailbox = new Mailbox(api);
        String victim = unique("victim") + "@example.org";
        assertThat(register(victim, ATTACKER_PASSWORD).status()).isEqualTo(201);
        // the owner opens the link they never asked for: the mailbox is proven, the attacker's password is not
        String link = mailbox.find(victim, "confirm", "signed up: (\\S+)");
        assertThat(api.post("/api/v1/auth/email/verify", Map.of("token", link), null).status()).isEqualTo(204);
        assertThat(login(victim, ATTACKER_PASSWORD).code()).isEqualTo("invalid_credentials");
        assertThat(loginWithCode(victim).status()).as("the owner gets in by code").isEqualTo(200);

        String other = unique("victim") + "@example.org";
        register(other, ATTACKER_PASSWORD);
        assertThat(loginWithCode(other).status()).as("a login code proves the mailbox too").isEqualTo(200);
        assertThat(login(other, ATTACKER_PASSWORD).code()).isEqualTo("invalid_credentials");

        // the registrant who proves both keeps the password
        String honest = unique("honest") + "@example.org";
        register(honest, ATTACKER_PASSWORD);
        String own = mailbox.find(honest, "confirm", "signed up: (\\S+)");
        assertThat(api.post("/api/v1/auth/email/verify", Map.of("token", own, "password", "a wrong guess 9"), null).code())
                .isEqualTo("invalid_credentials");
        assertThat(api.post("/api/v1/auth/email/verify", Map.of("token", own, "password", ATTACKER_PASSWORD), null).status())
                .isEqualTo(204);
        assertThat(login(honest, ATTACKER_PASSWORD).status()).isEqualTo(200);
    }

    /**
     * An address claimed by a registration whose account is not stored (yet, or ever: with Axon Server the claim commits
     * first) answers a login as an address without an account. Before, 404 naming the account's id.
     */
    @Test
    void anAddressClaimedWithoutAnAccount_answersAsAnUnknownOne() {
        String email = "claimed-" + UUID.randomUUID() + "@example.org";
        String owner = UUID.randomUUID().toString();
        jdbc.update("insert into unique_key(kind, value, owner_id) values ('user-email', ?, ?)", email, owner);
        Api.Response password = login(email, "whatever 123");
        assertThat(password.status()).as(password.toString()).isEqualTo(401);
        assertThat(password.code()).isEqualTo("invalid_credentials");
        assertThat(password.raw()).doesNotContain(owner);
        Api.Response code = api.post("/api/v1/auth/otp/verify", Map.of("email", email, "code", "123456"), null);
        assertThat(code.status()).as(code.toString()).isEqualTo(401);
        assertThat(code.code()).isEqualTo("invalid_code");
        assertThat(code.raw()).doesNotContain(owner);
    }

    @Test
    void noSecondFactorBeforeTheAddressIsVerified() {
        String email = unique("early") + "@example.org";
        String userId = register(email, ATTACKER_PASSWORD).body().get("userId").asText();
        Api.Response enroll = api.post("/api/v1/auth/mfa/enroll", Map.of("password", ATTACKER_PASSWORD), tokenAs(userId, "customer"));
        assertThat(enroll.status()).isEqualTo(403);
        assertThat(enroll.code()).isEqualTo("email_not_verified");
    }

    @Test
    void unverifiedRegistrationsExpireAndFreeTheAddress() throws Exception {
        String email = unique("squat") + "@example.org";
        String squatter = register(email, ATTACKER_PASSWORD).body().get("userId").asText();
        assertThat(register(email, "owner password 2").code()).isEqualTo("duplicate_email");
        jdbc.update("update registration_deadline set expires_at = now() - interval '1 second' where user_id = ?", squatter);
        Api.Response owner = null;
        for (int i = 0; i < 100; i++) {
            owner = register(email, "owner password 2");
            if (owner.status() != 409) break;
            Thread.sleep(100);
        }
        assertThat(owner.status()).as("the address is free again").isEqualTo(201);
        assertThat(api.get("/api/v1/users/" + squatter, tokenFor("admin")).body().get("status").asText()).isEqualTo("erased");
    }

    @Test
    void loginCodesAreCappedAndWrongOnesCountTowardsTheLockout() throws Exception {
        mailbox = new Mailbox(api);
        String email = unique("codes") + "@example.org";
        String userId = register(email, ATTACKER_PASSWORD).body().get("userId").asText();
        assertThat(loginWithCode(email).status()).isEqualTo(200); // verifies; one code used this hour
        for (int i = 0; i < 3; i++) assertThat(login(email, "wrong password " + i).status()).isEqualTo(401);
        String code = requestCode(email);
        assertThat(api.post("/api/v1/auth/otp/verify", Map.of("email", email, "code", code.equals("000000") ? "999999" : "000000"),
                null).code()).isIn("invalid_code", "account_locked");
        String another = requestCode(email);
        Api.Response fifth = api.post("/api/v1/auth/otp/verify", Map.of("email", email,
                "code", another.equals("000001") ? "999998" : "000001"), null);
        assertThat(fifth.code()).as("a new code does not reset the budget: the fifth failure locks").isEqualTo("account_locked");
        // three codes so far, each mailed (a code's task ends with its mail: none runs any more when counting starts; a
        // loaded machine took longer than requestCode's wait, and the third's task was counted)
        awaitLoginCodeMails(email, 3);
        // of five more requests two get one, and the three past the cap make (and hash) none
        AtomicInteger issuing = new AtomicInteger();
        List<Boolean> checks = new CopyOnWriteArrayList<>();
        var counting = ((MessageHandlerInterceptorSupport<CommandMessage<?>>) commandBus).registerHandlerInterceptor((unitOfWork, chain) -> {
            Object payload = unitOfWork.getMessage().getPayload();
            if (payload instanceof IssueLoginCode issue && issue.userId().value().equals(userId)) issuing.incrementAndGet();
            Object answer = chain.proceed();
            if (payload instanceof MayIssueLoginCode may && may.userId().value().equals(userId)) checks.add((Boolean) answer);
            return answer;
        });
        try {
            for (int i = 0; i < 5; i++) { // one after the other (two at once: AfterTheAnswerTest)
                int checked = checks.size();
                assertThat(api.post("/api/v1/auth/otp/request", Map.of("email", email), null).status()).isEqualTo(202);
                if (i < 2) awaitLoginCodeMails(email, 4 + i); // its code's mail: its task is over
                else for (int wait = 0; wait < 60 && checks.size() == checked; wait++) Thread.sleep(50); // refused
            }
        } finally {
            counting.cancel();
        }
        assertThat(checks).as("each request past the cap is checked and refused").endsWith(false);
        assertThat(mailbox.all(email)).filteredOn(m -> m.get("subject").asText().contains("login code"))
                .as("at most five codes an hour").hasSize(5);
        assertThat(issuing.get()).as("no code made past the cap: no bcrypt hash spent on it").isEqualTo(2);
    }

    @Test
    void passwordsLongerThanBcryptsSeventyTwoBytesWork() throws Exception {
        mailbox = new Mailbox(api);
        String email = unique("long") + "@example.org";
        String password = "a1".repeat(50);
        Api.Response registered = register(email, password);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String link = mailbox.find(email, "confirm", "signed up: (\\S+)");
        assertThat(api.post("/api/v1/auth/email/verify", Map.of("token", link, "password", password), null).status()).isEqualTo(204);
        assertThat(login(email, password).status()).isEqualTo(200);
        assertThat(login(email, password.substring(0, 72) + "b2".repeat(14)).code())
                .as("every byte counts, not only the first 72").isEqualTo("invalid_credentials");
    }

    @Test
    void aSessionEndsAfterItsAbsoluteLifetime() throws Exception {
        mailbox = new Mailbox(api);
        String email = unique("session") + "@example.org";
        String userId = register(email, ATTACKER_PASSWORD).body().get("userId").asText();
        JsonNode tokens = loginWithCode(email).body();
        JsonNode claims = claims(tokens.get("refreshToken").asText());
        TokenFamilyId family = new TokenFamilyId(claims.get("fam").asText());
        Instant old = Instant.now().minus(Duration.ofDays(31));
        String aged = tokenIssuer.issue(new UserId(userId), Set.of("customer"), family, claims.get("jti").asText(),
                Instant.now().plus(Duration.ofDays(1)), old).refreshToken();
        Api.Response expired = api.post("/api/v1/auth/refresh", Map.of("refreshToken", aged), null);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.code()).isEqualTo("session_expired");

        Instant almost = Instant.now().minus(Duration.ofDays(30)).plus(Duration.ofHours(1));
        String late = tokenIssuer.issue(new UserId(userId), Set.of("customer"), family, claims.get("jti").asText(),
                Instant.now().plus(Duration.ofDays(1)), almost).refreshToken();
        Api.Response rotated = api.post("/api/v1/auth/refresh", Map.of("refreshToken", late), null);
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        long exp = claims(rotated.body().get("refreshToken").asText()).get("exp").asLong();
        assertThat(Instant.ofEpochSecond(exp)).as("not past the session's end").isBeforeOrEqualTo(almost.plus(Duration.ofDays(30)));
    }

    private static JsonNode claims(String jwt) throws java.io.IOException {
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }
}
