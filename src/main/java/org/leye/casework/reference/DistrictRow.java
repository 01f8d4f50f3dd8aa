package org.leye.casework.reference;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The row of {@link District}: a county-level unit of the city (区/县级市), identified by its administrative code. */
@Entity(name = "District")
@Table(name = "district")
class DistrictRow {

    @Id
    private String code;

    private String name;

    private String nameHant;

    protected DistrictRow() {
    }

    District view() {
        return new District(code, name, nameHant);
    }
}
