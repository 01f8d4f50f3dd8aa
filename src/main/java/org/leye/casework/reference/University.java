package org.leye.casework.reference;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A university known to the city; graduates of other universities are kept by name only. */
@Entity
@Table(name = "university")
public class University {

    @Id
    private String code;

    private String name;

    @Column(name = "name_hant")
    private String nameHant;

    @Column(name = "local_university")
    private boolean local;

    protected University() {
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getNameHant() {
        return nameHant;
    }

    public boolean isLocal() {
        return local;
    }
}
