package dev.stoa.api.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Commands that carry a clear secret never print it. */
class SecretCommandsTest {
    @Test
    void secretsAreMaskedInToString() {
        UserId id = UserId.random();
        assertThat(new LogIn(id, "hunter2-secret", "123456").toString())
                .contains(id.value()).doesNotContain("hunter2-secret").doesNotContain("123456");
        assertThat(new LogInWithCode(id, "654321").toString()).contains(id.value()).doesNotContain("654321");
        assertThat(new ActivateMfa(id, "111222").toString()).doesNotContain("111222");
    }
}
