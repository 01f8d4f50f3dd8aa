package org.leye.casework.graduates;

/** Degree (学历): 博士, 硕士 (研究生), 本科, 专科. */
public enum Degree {
    DOCTORATE, MASTER, BACHELOR, ASSOCIATE
}
