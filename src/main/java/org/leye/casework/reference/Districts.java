package org.leye.casework.reference;

import org.springframework.data.jpa.repository.JpaRepository;

interface Districts extends JpaRepository<DistrictRow, String> {
}
