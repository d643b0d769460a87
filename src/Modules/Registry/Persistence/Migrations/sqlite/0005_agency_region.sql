-- registry 0005: an optional administrative division (行政区划, GB/T 2260 code and name) on each agency (sqlite).
ALTER TABLE "registry_agencies" ADD "RegionCode" TEXT NULL;

ALTER TABLE "registry_agencies" ADD "RegionName" TEXT NULL;
