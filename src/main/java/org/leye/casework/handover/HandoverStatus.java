package org.leye.casework.handover;

/** RUNNING until every row has a result (also across a restart), then DONE; FAILED when the file could not be read to its end. */
public enum HandoverStatus {
    RUNNING, DONE, FAILED
}
