package dk.kommunejob.position;

import jakarta.persistence.Embeddable;

/** A link or attachment ("bilag"): a policy, the organisation chart, the values. */
@Embeddable
public class Link {

    public String title;
    public String url;

    protected Link() {}

    public Link(String title, String url) {
        this.title = title;
        this.url = url;
    }
}
