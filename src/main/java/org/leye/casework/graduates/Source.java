package org.leye.casework.graduates;

/** Where a graduate came to the service from (信息移交, 失业登记, 求职登记, 基层摸排, 一对一帮扶). */
public enum Source {
    HANDOVER, UNEMPLOYMENT_REGISTRATION, JOB_SEEKING_REGISTRATION, SURVEY, ASSISTANCE
}
