package dev.stoa.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stoa.app.platform.security.SealedFields;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * {@code GET /api/v1/audit/{aggregateType}/{aggregateId}/state}: resolves the type, rebuilds the aggregate at the
 * instant, writes its fields as JSON, hides its secrets, then opens its personal fields with the keys of the users
 * it names (its own id, ids inside it such as {@code wallet-<userId>}, and ids in its state), so an erased user's
 * fields read {@code [erased]}.
 */
@Service
class AggregateStates {
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private final AggregateTypes types;
    private final AggregateRebuilder rebuilder;
    private final SealedFields sealed;
    private final OrderBuyers buyers;

    AggregateStates(AggregateTypes types, AggregateRebuilder rebuilder, SealedFields sealed, OrderBuyers buyers) {
        this.types = types;
        this.rebuilder = rebuilder;
        this.sealed = sealed;
        this.buyers = buyers;
    }

    AggregateState at(String aggregateType, String aggregateId, Instant asOf) {
        AggregateTypes.Type type = types.resolve(aggregateType);
        AggregateRebuilder.Rebuilt rebuilt = rebuilder.rebuild(type, aggregateId, asOf);
        JsonNode state = SecretMask.hide(StateJson.of(rebuilt.root()));
        Set<String> owners = owners(aggregateId);
        owners.addAll(buyers.of(state));
        state = sealed.open(state, owners);
        return new AggregateState(type.name(), aggregateId, asOf, rebuilt.sequence(), rebuilt.version(),
                rebuilt.lastEventAt(), rebuilt.eventsApplied(), state);
    }

    private static Set<String> owners(String aggregateId) {
        Set<String> owners = new LinkedHashSet<>();
        owners.add(aggregateId);
        Matcher ids = UUID.matcher(aggregateId);
        while (ids.find()) owners.add(ids.group());
        return owners;
    }
}
