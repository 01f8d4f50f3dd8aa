package org.leye.casework.reference;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The row of {@link University}: a university known to the city; graduates of other universities are kept by name only. */
@Entity(name = "University")
@Table(name = "university")
class UniversityRow {

    @Id
    private String code;

    private String name;

    private String nameHant;

    @Column(name = "local_university")
    private boolean local;

    protected UniversityRow() {
    }

    University view() {
        return new University(code, name, nameHant, local);
    }
}
