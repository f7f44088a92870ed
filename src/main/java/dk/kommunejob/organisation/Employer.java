package dk.kommunejob.organisation;

import dk.kommunejob.pay.PayTransparency;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import java.util.ArrayList;
import java.util.List;

/** The municipality that employs ("Opdragsgiver"). */
@Entity
public class Employer extends PanacheEntityBase {

    @Id
    @GeneratedValue(generator = "employer_seq")
    @SequenceGenerator(name = "employer_seq", sequenceName = "employer_seq", allocationSize = 50)
    public Long id;

    public String name;
    public String street;

    @Column(name = "postal_code")
    public String postalCode;

    public String city;
    /** E.164. */
    public String phone;

    public String website;

    @Column(name = "logo_url")
    public String logoUrl;

    public String about;

    /** A posting's page on the employer's site, `{slug}` for its slug; the deployment's default when null. */
    @Column(name = "posting_page_url")
    public String postingPageUrl;

    /** Whether publishing needs a stated starting pay (pay.PayTransparency). */
    @Enumerated(EnumType.STRING)
    @Column(name = "pay_transparency")
    public PayTransparency payTransparency = PayTransparency.recommended;

    /** Website origins allowed by CORS for the employer's pages. */
    @Column(name = "website_origins")
    public String[] websiteOrigins = new String[0];

    public long version;

    @ElementCollection
    @CollectionTable(name = "employer_value", joinColumns = @JoinColumn(name = "employer_id"))
    @OrderColumn(name = "ord")
    public List<EmployerValue> values = new ArrayList<>();
}
