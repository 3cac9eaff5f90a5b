package dev.stoa.app.platform.axon;

import static dev.stoa.api.platform.MetadataKeys.CAUSATION_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stoa.api.platform.CompletesItsWrite;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

/**
 * Which messages belong to a write. The request's commands and their events do; so do the events of a command
 * that completes the write, sent by a processor about one of the write's events, which the write does not wait
 * for as it waits for its own; a processor's other commands about the write's events (a mail) are consequences.
 */
class WrittenEventsTest {
    record Redeem(String voucher) {}

    record TopUp(String wallet) implements CompletesItsWrite {}

    record SendMail(String to) {}

    private final WrittenEvents written = new WrittenEvents();

    @Test
    void aCompletingCommandSentByAProcessorAboutTheWritesEventJoinsTheWriteWithItsEvents() throws Exception {
        Write write = written.begin();
        CommandMessage<?> redeem = command(new Redeem("v1"), "request-1");
        dispatch(redeem);
        handleHere(redeem);
        EventMessage<?> redeemed = event("VoucherRedeemed", redeem);
        publish(redeemed);
        written.detach();

        // A processor, on its own thread, meets the event first and sends the top-up and a mail about it.
        Thread processor = Thread.ofPlatform().start(() -> {
            CommandMessage<?> topUp = command(new TopUp("w1"), redeemed.getIdentifier());
            dispatch(topUp);
            publish(event("WalletToppedUp", topUp));
            CommandMessage<?> mail = command(new SendMail("ada"), redeemed.getIdentifier());
            dispatch(mail);
            publish(event("MailQueued", mail));
        });
        processor.join();

        assertThat(write.events().stream().map(e -> (Object) e.getPayload()).toList()).containsExactly("VoucherRedeemed", "WalletToppedUp");
        assertThat(write.allCommandsHandledHere())
                .as("the joined top-up, handled nowhere yet, does not make the write's events unknown").isTrue();
    }

    @Test
    void aCompletingCommandAboutAnEventOfNoWriteInProgressJoinsNothing() throws Exception {
        Write write = written.begin();
        CommandMessage<?> redeem = command(new Redeem("v1"), "request-1");
        dispatch(redeem);
        EventMessage<?> redeemed = event("VoucherRedeemed", redeem);
        publish(redeemed);
        written.detach();
        written.end(write);

        CommandMessage<?> topUp = command(new TopUp("w1"), redeemed.getIdentifier());
        dispatch(topUp);
        publish(event("WalletToppedUp", topUp));

        assertThat(write.events().stream().map(e -> (Object) e.getPayload()).toList()).containsExactly("VoucherRedeemed");
        assertThat(written.following(topUp.getIdentifier())).isFalse();
    }

    private static CommandMessage<?> command(Object payload, String cause) {
        return new GenericCommandMessage<>(payload, MetaData.with(CAUSATION_ID, cause));
    }

    private static EventMessage<?> event(String payload, CommandMessage<?> cause) {
        return new GenericEventMessage<>(payload, Map.of(CAUSATION_ID, cause.getIdentifier()));
    }

    private void dispatch(CommandMessage<?> command) { written.commandDispatch().handle(List.of(command)); }

    private void handleHere(CommandMessage<?> command) throws Exception {
        written.commandHandling().handle(new DefaultUnitOfWork<>(command), () -> null);
    }

    private void publish(EventMessage<?> event) { written.eventDispatch().handle(List.of(event)); }
}
