package dev.stoa.command.payment;

import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.ErrorKind;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches a refusal by its kind and problem code. */
final class DomainErrors {
    private DomainErrors() {}

    static Matcher<DomainException> domainError(ErrorKind kind, String code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(DomainException e) { return kind == e.kind() && code.equals(e.code()); }

            @Override
            public void describeTo(Description description) {
                description.appendText("DomainException ").appendValue(kind).appendText(" with code ").appendValue(code);
            }

            @Override
            protected void describeMismatchSafely(DomainException e, Description description) {
                description.appendText("was ").appendValue(e.kind()).appendText(" with code ").appendValue(e.code())
                        .appendText(": ").appendText(e.getMessage());
            }
        };
    }
}
