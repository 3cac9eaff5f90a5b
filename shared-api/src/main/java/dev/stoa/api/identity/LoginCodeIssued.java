package dev.stoa.api.identity;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A login code was mailed. {@code codeHash} is bcrypt: slow enough that the code expires long before it could be guessed from the log. */
@Revision("1")
public record LoginCodeIssued(UserId userId, String codeId, String codeHash, Instant expiresAt) {}
