package dev.stoa.app.platform.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.stoa.app.platform.axon.TokenPositions;
import dev.stoa.app.platform.health.ProcessorStatus;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;

/** Where each processor stands against the head of the log. */
class ProjectionsTest {

    /**
     * The head is read before the processors' positions, so under writes a processor may have gone past it: the view
     * names the head at least as far as the processor read, lag 0 (it showed position 686 against head 685 before
     * 2026-12-07, sixth session; walkthrough Z28).
     */
    @Test
    @SuppressWarnings("unchecked")
    void aProcessorPastTheHeadReadBeforeIt_showsTheHeadWhereItIs() {
        PooledStreamingEventProcessor processor = mock(PooledStreamingEventProcessor.class);
        when(processor.getName()).thenReturn("order-read-model");
        when(processor.isRunning()).thenReturn(true);
        EventTrackerStatus segment = mock(EventTrackerStatus.class);
        when(segment.getCurrentPosition()).thenReturn(OptionalLong.of(686));
        when(processor.processingStatus()).thenReturn(Map.of(0, segment));
        EventProcessingConfiguration config = mock(EventProcessingConfiguration.class);
        when(config.eventProcessors()).thenReturn(Map.<String, EventProcessor>of("order-read-model", processor));
        ObjectProvider<EventProcessingConfiguration> processing = mock(ObjectProvider.class);
        when(processing.getIfAvailable()).thenReturn(config);
        ProcessorStatus status = mock(ProcessorStatus.class);
        when(status.headOrUnknown()).thenReturn(685L);
        TokenPositions tokens = mock(TokenPositions.class);
        when(tokens.segments("order-read-model")).thenReturn(List.of());
        ProjectionBeans beans = mock(ProjectionBeans.class);
        when(beans.of("order-read-model")).thenReturn(new ProjectionBeans.Group("order-read-model", List.of(), true, Set.of()));

        ProjectionView view = new Projections(processing, status, tokens, beans, List.of()).list().get(0);

        assertThat(view.position()).isEqualTo(686);
        assertThat(view.head()).isEqualTo(686);
        assertThat(view.lag()).isZero();
    }
}
