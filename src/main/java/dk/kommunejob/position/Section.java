package dk.kommunejob.position;

import jakarta.persistence.Embeddable;

/** A headed part of the posting's text: Indledning, Hovedopgaver, Kompetencer, ... */
@Embeddable
public class Section {

    public String heading;
    public String body;

    protected Section() {}

    public Section(String heading, String body) {
        this.heading = heading;
        this.body = body;
    }
}
