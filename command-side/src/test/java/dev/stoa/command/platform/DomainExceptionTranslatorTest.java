package dev.stoa.command.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stoa.api.platform.ErrorDetails;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.junit.jupiter.api.Test;

class DomainExceptionTranslatorTest {
    record TokenFamilyId(String value) {}
    record RotateToken(@TargetAggregateIdentifier TokenFamilyId familyId, String presented) {}
    record ApproveSomething(@TargetAggregateIdentifier String orderRefundsId) {}
    record Untargeted(String id) {}
    record TopUp(String userId) {
        @TargetAggregateIdentifier
        public String walletId() { return "wallet-" + userId; }
    }

    private final SimpleCommandBus bus = SimpleCommandBus.builder().build();

    @Test
    void aMissingAggregateIsNamedByTheCommandsTargetAndItsId() throws Exception {
        bus.registerHandlerInterceptor(new DomainExceptionTranslator());
        assertThat(detailOf(new RotateToken(new TokenFamilyId("f-1"), "t"), "f-1")).isEqualTo("token family f-1 not found");
        assertThat(detailOf(new ApproveSomething("o-7"), "o-7")).isEqualTo("order refunds o-7 not found");
        assertThat(detailOf(new TopUp("u-1"), "wallet-u-1")).as("a derived id is not the client's: left out")
                .isEqualTo("wallet not found");
        assertThat(detailOf(new Untargeted("x"), "x")).isEqualTo("resource not found");
    }

    /** The detail of the 404 that a command whose aggregate {@code id} does not exist gets. */
    private String detailOf(Object command, String id) throws Exception {
        bus.subscribe(command.getClass().getName(), m -> {
            throw new AggregateNotFoundException(id, "The aggregate was not found in the event store");
        });
        FutureCallback<Object, Object> result = new FutureCallback<>();
        bus.dispatch(GenericCommandMessage.asCommandMessage(command), result);
        Throwable failure = result.getResult().exceptionResult();
        assertThat(failure).isInstanceOf(CommandExecutionException.class);
        CommandExecutionException e = (CommandExecutionException) failure;
        ErrorDetails details = e.<ErrorDetails>getDetails().orElseThrow();
        assertThat(details.code()).isEqualTo("not_found");
        return details.message();
    }
}
