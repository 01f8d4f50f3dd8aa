package org.leye.casework.security;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
interface UserAccountMapper {

    @Mapping(target = "district", source = "districtCode")
    @Mapping(target = "university", source = "universityCode")
    UserAccountView toView(AppUser user);
}
