package dev.stoa.app.platform.replay;

import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.ErrorCode;
import dev.stoa.app.platform.axon.TokenPositions;
import dev.stoa.app.platform.health.ProcessorStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Every event processor of this process with where it stands, and the rebuilds of those that are read models. */
@Component
public class Projections {
    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final ProcessorStatus status;
    private final TokenPositions tokens;
    private final ProjectionBeans beans;
    private final List<ReadModelRebuilder> rebuilders;

    public Projections(ObjectProvider<EventProcessingConfiguration> processing, ProcessorStatus status,
                       TokenPositions tokens, ProjectionBeans beans, List<ReadModelRebuilder> rebuilders) {
        this.processing = processing;
        this.status = status;
        this.tokens = tokens;
        this.beans = beans;
        this.rebuilders = rebuilders;
    }

    public List<ProjectionView> list() {
        long head = status.headOrUnknown();
        return processors().values().stream().sorted(Comparator.comparing(EventProcessor::getName))
                .map(p -> view(p, head)).toList();
    }

    /** Starts the rebuild of a read model: 404 for an unknown processor, 409 for a side effect or a running rebuild. */
    public ProjectionView.Rebuild replay(String name) {
        EventProcessor processor = processors().get(name);
        if (processor == null) throw DomainException.notFound("processor " + name);
        ReadModelRebuilder rebuilder = rebuilder(name).orElseThrow(() -> new DomainException(ErrorCode.REPLAY_NOT_ALLOWED,
                name + " is not a rebuildable read model: its handlers have side effects or cannot be reset"));
        return ProjectionView.Rebuild.of(rebuilder.start(name));
    }

    private ProjectionView view(EventProcessor p, long head) {
        Optional<RebuildProgress> rebuild = rebuilder(p.getName()).flatMap(r -> r.progress(p.getName()));
        boolean rebuilding = rebuild.map(r -> r.finishedAt() == null).orElse(false);
        boolean replayable = rebuilder(p.getName()).isPresent();
        String role = replayable || (beans.of(p.getName()).replayable()) ? "read-model" : "side-effect";
        if (!(p instanceof StreamingEventProcessor s)) {
            return new ProjectionView(p.getName(), kind(p), role, replayable, p.isRunning() ? "running" : "stopped",
                    -1, head, 0, List.of(), status.deadLetters(p.getName()), rebuild.map(ProjectionView.Rebuild::of).orElse(null));
        }
        Map<Integer, EventTrackerStatus> local = s.processingStatus();
        Map<Integer, ProjectionView.SegmentView> segments = new TreeMap<>();
        for (TokenPositions.StoredSegment stored : tokens.segments(p.getName())) {
            int id = stored.segment().getSegmentId();
            EventTrackerStatus here = local.get(id);
            long position = here != null ? here.getCurrentPosition().orElse(-1)
                    : stored.token() == null ? -1 : stored.token().position().orElse(-1);
            segments.put(id, new ProjectionView.SegmentView(id, stored.owner(), position));
        }
        local.forEach((id, here) -> segments.putIfAbsent(id,
                new ProjectionView.SegmentView(id, null, here.getCurrentPosition().orElse(-1))));
        long position = segments.values().stream().mapToLong(ProjectionView.SegmentView::position).min().orElse(-1);
        boolean error = s.isError() || local.values().stream().anyMatch(EventTrackerStatus::isErrorState);
        String state = rebuilding ? "rebuilding" : error ? "error" : s.isRunning() ? "running" : "stopped";
        // the head was read before the positions: a processor may have gone past it meanwhile, and read above the head
        // (686 against 685 under writes; walkthrough Z28): the log holds at least what a processor has read
        long headNow = head < 0 ? head : Math.max(head, position);
        long lag = headNow < 0 ? 0 : headNow - position;
        return new ProjectionView(p.getName(), kind(p), role, replayable, state, position, headNow, lag,
                new ArrayList<>(segments.values()), status.deadLetters(p.getName()),
                rebuild.map(ProjectionView.Rebuild::of).orElse(null));
    }

    private static String kind(EventProcessor p) {
        if (p instanceof PooledStreamingEventProcessor) return "pooled-streaming";
        if (p instanceof TrackingEventProcessor) return "tracking";
        if (p instanceof SubscribingEventProcessor) return "subscribing";
        return p.getClass().getSimpleName();
    }

    private Optional<ReadModelRebuilder> rebuilder(String name) {
        return rebuilders.stream().filter(r -> r.rebuilds(name)).findFirst();
    }

    private Map<String, EventProcessor> processors() {
        EventProcessingConfiguration config = processing.getIfAvailable();
        return config == null ? Map.of() : config.eventProcessors();
    }
}
