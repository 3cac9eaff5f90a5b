package dev.stoa.api.identity;

import org.axonframework.serialization.Revision;

/** A wrong login code was tried; after {@code attempts} reaches the limit the code is void. */
@Revision("1")
public record LoginCodeRejected(UserId userId, String codeId, int attempts) {}
