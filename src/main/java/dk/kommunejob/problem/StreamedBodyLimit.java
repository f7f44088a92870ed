package dk.kommunejob.problem;

import dk.kommunejob.common.JobsConfig;
import dk.kommunejob.language.Messages;
import jakarta.inject.Inject;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;

/**
 * Stops an undeclared (chunked) body at the API's limit while it is read, with the same problem as
 * {@link RequestLimits} gives a declared one. Without it the HTTP server's higher limit would stop
 * the body with a bare 413.
 */
@Provider
public class StreamedBodyLimit implements ReaderInterceptor {

    @Inject
    jakarta.inject.Provider<JobsConfig> config;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        long maxBytes = config.get().maxBodySize();
        context.setInputStream(new FilterInputStream(context.getInputStream()) {
            long read;

            @Override
            public int read() throws IOException {
                int b = super.read();
                count(b < 0 ? 0 : 1);
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                count(Math.max(n, 0));
                return n;
            }

            private void count(int bytes) {
                read += bytes;
                if (read > maxBytes) {
                    throw Problems.of(ProblemType.BODY_TOO_LARGE)
                            .withDetail(Messages.text("problem.body-too-large.streamed", maxBytes))
                            // The rest of the body is not read, so the connection cannot carry another request.
                            .withHeader("Connection", "close")
                            .build();
                }
            }
        });
        return context.proceed();
    }
}
