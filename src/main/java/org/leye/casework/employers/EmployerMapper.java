package org.leye.casework.employers;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
interface EmployerMapper {

    @Mapping(target = "district", source = "districtCode")
    EmployerView toView(Employer employer);

    @Mapping(target = "by", source = "actor")
    BlacklistRecordView toView(BlacklistRecord blacklisting);
}
