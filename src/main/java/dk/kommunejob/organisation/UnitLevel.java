package dk.kommunejob.organisation;

/** Direktørområde, afdeling, enhed. Lower case: these are the API's words. */
public enum UnitLevel {
    directorate,
    department,
    unit
}
