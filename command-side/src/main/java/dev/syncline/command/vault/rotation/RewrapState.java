package dev.syncline.command.vault.rotation;

/** Where the rewrap job stands, cluster-wide. */
public enum RewrapState {
    /** No rewrap job has ever run against this database. */
    IDLE,
    /** A node holds the job's lock and is moving data keys. */
    RUNNING,
    /** The last run moved every data key it could see onto the active key-encryption key. */
    COMPLETED,
    /** The last run stopped early or left keys it could not open; {@code lastError} says why in words. */
    FAILED
}
