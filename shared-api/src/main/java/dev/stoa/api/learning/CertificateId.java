package dev.stoa.api.learning;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.stoa.api.platform.Ids;
import java.util.UUID;

/** Identifies a completion certificate (its public verification id); a random UUID, not guessable from the course. */
public record CertificateId(@JsonValue String value) {
    @JsonCreator
    public CertificateId {
        value = Ids.uuid(value, "certificateId");
    }

    public static CertificateId random() { return new CertificateId(UUID.randomUUID().toString()); }

    @Override
    public String toString() { return value; }
}
