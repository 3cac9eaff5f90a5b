package dev.stoa.api.identity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.stoa.api.platform.Ids;
import java.util.UUID;

/** Identifies one login session: the chain of refresh tokens that rotate from one login. */
public record TokenFamilyId(@JsonValue String value) {
    @JsonCreator
    public TokenFamilyId {
        value = Ids.uuid(value, "tokenFamilyId");
    }

    public static TokenFamilyId random() { return new TokenFamilyId(UUID.randomUUID().toString()); }

    @Override
    public String toString() { return value; }
}
