package org.leye.casework.reference;

import org.springframework.data.jpa.repository.JpaRepository;

interface Universities extends JpaRepository<UniversityRow, String> {
}
