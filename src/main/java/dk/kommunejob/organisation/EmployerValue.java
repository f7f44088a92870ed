package dk.kommunejob.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One pillar of the employer's values, e.g. "Mod": what it values and how that shows in behaviour. */
@Embeddable
public class EmployerValue {

    public String name;

    @Column(name = "values_text")
    public String valuesText;

    @Column(name = "behaviour_text")
    public String behaviourText;

    protected EmployerValue() {}

    public EmployerValue(String name, String valuesText, String behaviourText) {
        this.name = name;
        this.valuesText = valuesText;
        this.behaviourText = behaviourText;
    }
}
