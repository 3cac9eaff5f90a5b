#!/usr/bin/env python3
"""Where a request's CPU went, by component: each sample of a folded-stack file (jfr_summary.py --folded) is
attributed to the innermost of the components below found on its stack, so the shares add up to 100%.

    python3 bench/jfr_components.py app.folded        # or a .folded.gz from bench/profiles/

The components are the layers a catalog read passes through (Tomcat, the servlet filters, Spring Security, Spring
MVC's handler lookup and invocation, the read cache, the query bus, JSON writing, the ETag filter).
"""
import collections
import gzip
import sys

MARKERS = [
    ("tomcat poller", "NioEndpoint$Poller"), ("tomcat", "Http11Processor.service"),
    ("correlation filter", "CorrelationIdFilter.doFilterInternal"), ("body size filter", "BodySizeLimitFilter"),
    ("observation", "ServerHttpObservationFilter.doFilterInternal"),
    ("security chain", "FilterChainProxy.doFilter"), ("security headers", "HeaderWriterFilter"), ("cors", "CorsFilter"),
    ("bearer token", "BearerTokenAuthenticationFilter"), ("authorization", "AuthorizationFilter.doFilter"),
    ("user mdc filter", "UserMdcFilter"), ("read-your-writes filter", "ReadYourWritesFilter"),
    ("min-position filter", "MinPositionFilter"), ("idempotency filter", "IdempotencyFilter"),
    ("etag filter", "ShallowEtagHeaderFilter.doFilterInternal"),
    ("dispatcher", "DispatcherServlet.doDispatch"), ("handler lookup", "AbstractHandlerMapping.getHandler"),
    ("handler invocation", "RequestMappingHandlerAdapter.invokeHandlerMethod"),
    ("argument resolution", "InvocableHandlerMethod.getMethodArgumentValues"),
    ("method validation", "MethodValidationInterceptor.invoke"), ("controller", "QueryController."),
    ("read cache", "ReadCache.get"), ("query bus", "QueryGateway.query"), ("jpa", "org.hibernate."),
    ("json writing", "AbstractMessageConverterMethodProcessor.writeWithMessageConverters"),
    ("etag hash", "ShallowEtagHeaderFilter.updateResponse"),
]


def main(path):
    opener = gzip.open if path.endswith(".gz") else open
    total, shares = 0, collections.Counter()
    with opener(path, "rt") as f:
        for line in f:
            stack, n = line.rsplit(" ", 1)
            n = int(n)
            total += n
            frames = stack.split(";")
            best, depth = None, -1
            for name, key in MARKERS:
                for i, frame in enumerate(frames):
                    if key in frame and i > depth:
                        best, depth = name, i
            shares[best or "other (" + frames[0].rsplit(".", 1)[-1] + ")"] += n
    print(f"{total} samples")
    for name, n in shares.most_common():
        print(f"{100 * n / total:5.1f}%  {name}")


if __name__ == "__main__":
    main(sys.argv[1])
