package dk.kommunejob.common;

import jakarta.enterprise.context.ApplicationScoped;

/** Absolute links to the API and to postings' pages (JOBS_PUBLIC_URL, JOBS_POSTING_PAGE_URL). */
@ApplicationScoped
public class PublicLinks {

    private final String api;
    private final String postingPage;

    PublicLinks(JobsConfig config) {
        this.api = config.publicUrl().replaceAll("/+$", "");
        // By default the reference page's view of the posting, a page for a person rather than JSON.
        this.postingPage = config.postingPageUrl().orElse(api + "/?stilling={slug}");
    }

    /** `/api/v1/...` at the API's public address. */
    public String api(String path) {
        return api + path;
    }

    /** Where a person reads the posting. */
    public String posting(String slug) {
        return postingPage.replace("{slug}", slug);
    }
}
