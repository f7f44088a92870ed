package dk.kommunejob.position;

/** Which published postings a list shows. */
public enum StatusFilter {
    open,
    closed,
    all
}
