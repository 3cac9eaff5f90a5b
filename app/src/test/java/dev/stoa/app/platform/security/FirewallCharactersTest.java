package dev.stoa.app.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/** The firewall's character rules without regular expressions decide as Spring Security's own defaults, everywhere. */
class FirewallCharactersTest {

    @Test
    void headerNamesAreDecidedAsSpringSecurityDecidesThemOnEveryCodePoint() {
        assertSameAnswers(FirewallCharacters::nameAllowed, StrictHttpFirewall.ALLOWED_HEADER_NAMES);
    }

    @Test
    void headerValuesAreDecidedAsSpringSecurityDecidesThemOnEveryCodePoint() {
        assertSameAnswers(FirewallCharacters::headerValueAllowed, StrictHttpFirewall.ALLOWED_HEADER_VALUES);
        assertThat(FirewallCharacters.headerValueAllowed(null)).isTrue();
    }

    @Test
    void parameterNamesAreDecidedAsSpringSecurityDecidesThemOnEveryCodePoint() {
        assertSameAnswers(FirewallCharacters::nameAllowed, StrictHttpFirewall.ALLOWED_PARAMETER_NAMES);
    }

    @Test
    void controlCharactersAreRefusedAndTabsOnlyInValues() {
        assertThat(FirewallCharacters.nameAllowed("X-Correlation-Id")).isTrue();
        assertThat(FirewallCharacters.headerValueAllowed("application/json; q=0.9, text/*")).isTrue();
        assertThat(FirewallCharacters.headerValueAllowed("caf\u00e9 \ud83d\ude00")).isTrue();
        assertThat(FirewallCharacters.headerValueAllowed("a\tb")).isTrue();
        assertThat(FirewallCharacters.nameAllowed("a\tb")).isFalse();
        assertThat(FirewallCharacters.headerValueAllowed("text/\u0085")).isFalse(); // NEL, a C1 control
        assertThat(FirewallCharacters.headerValueAllowed("a\u0000")).isFalse();
        assertThat(FirewallCharacters.headerValueAllowed("a\u007f")).isFalse();
        assertThat(FirewallCharacters.nameAllowed("x\u0378")).isFalse(); // unassigned
    }

    /** Every code point alone and between letters, the empty string, and surrogates paired, lone and reversed. */
    private static void assertSameAnswers(Predicate<String> ours, Predicate<String> springs) {
        List<String> differing = new ArrayList<>();
        Consumer<String> compare = s -> {
            if (ours.test(s) != springs.test(s) && differing.size() < 20)
                differing.add(s.codePoints().mapToObj(Integer::toHexString).toList() + " ours " + ours.test(s));
        };
        List.of("", "\ud83d", "\ude00", "\ude00\ud83d", "a\ud83db", "\ud83d\ude00").forEach(compare);
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            String alone = Character.toString(cp);
            compare.accept(alone);
            compare.accept("a" + alone + "b");
        }
        assertThat(differing).isEmpty();
    }
}
