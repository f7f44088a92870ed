package dk.kommunejob.position;

/** Where a posting is in its life; only published postings are public. */
public enum PositionStatus {
    draft,
    published,
    withdrawn
}
