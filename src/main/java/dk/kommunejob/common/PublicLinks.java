package dk.kommunejob.common;

import dk.kommunejob.organisation.EmployerSettings;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Absolute links to the API and to postings' pages: the employer's own posting page when it set one, otherwise
 * JOBS_POSTING_PAGE_URL (JOBS_PUBLIC_URL for the API).
 */
@ApplicationScoped
public class PublicLinks {

    private final String api;
    private final String postingPage;
    private final EmployerSettings employers;

    PublicLinks(JobsConfig config, EmployerSettings employers) {
        this.employers = employers;
        this.api = config.publicUrl().replaceAll("/+$", "");
        // By default the reference page's view of the posting, a page for a person rather than JSON.
        this.postingPage = config.postingPageUrl().orElse(api + "/?stilling={slug}");
    }

    /** `/api/v1/...` at the API's public address. */
    public String api(String path) {
        return api + path;
    }

    /** Where a person reads the posting: on its employer's website, or the deployment's default page. */
    public String posting(long employerId, String slug) {
        return employers.postingPage(employerId).orElse(postingPage).replace("{slug}", slug);
    }
}
