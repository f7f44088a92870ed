package dk.kommunejob.ratelimit;

import dk.kommunejob.client.Caller;
import dk.kommunejob.common.JobsConfig;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** The writes and the change feed, each counted per client (per address without a key) in its own bucket. */
@RateLimited("")
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class RateLimitInterceptor {

    @Inject
    JobsConfig config;

    @Inject
    Allowances allowances;

    @Inject
    ClientAddress address;

    @Inject
    SecurityIdentity identity;

    @Inject
    RoutingContext request;

    @AroundInvoke
    Object limit(InvocationContext invocation) throws Exception {
        RateLimited limited = invocation.getMethod().getAnnotation(RateLimited.class);
        if (limited == null) {
            limited = invocation.getMethod().getDeclaringClass().getAnnotation(RateLimited.class);
        }
        int perMinute = limited.value().equals("feed")
                ? config.rateLimit().feedReadsPerMinute()
                : config.rateLimit().writesPerMinute();
        allowances.takeOrRefuse(limited.value(), perMinute, caller(identity, address, request), request.response());
        return invocation.proceed();
    }

    /** Who a request counts against: its client, or its address when it has no key. */
    static String caller(SecurityIdentity identity, ClientAddress address, RoutingContext request) {
        return identity.isAnonymous() ? "address-" + address.of(request.request()) : client(identity);
    }

    static String client(SecurityIdentity identity) {
        return "client-" + Caller.of(identity).clientId();
    }
}
