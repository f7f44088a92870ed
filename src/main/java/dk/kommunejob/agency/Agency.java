package dk.kommunejob.agency;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** A recruitment firm that runs searches for employers (MUUSMANN, Genitor). */
@Entity
public class Agency extends PanacheEntityBase {

    @Id
    @GeneratedValue(generator = "agency_seq")
    @SequenceGenerator(name = "agency_seq", sequenceName = "agency_seq", allocationSize = 50)
    public Long id;

    public String name;
    public String website;

    public long version;

    protected Agency() {}

    public Agency(String name, String website) {
        this.name = name;
        this.website = website;
    }
}
