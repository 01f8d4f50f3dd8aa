package org.leye.casework.reference;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A county-level unit of the city (区/县级市), identified by its administrative code. */
@Entity
@Table(name = "district")
public class District {

    @Id
    private String code;

    private String name;

    @Column(name = "name_hant")
    private String nameHant;

    protected District() {
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
}
