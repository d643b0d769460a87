-- registry 0005: an optional administrative division (行政区划, GB/T 2260 code and name) on each agency (postgres).
ALTER TABLE registry_agencies ADD "RegionCode" character varying(6);

ALTER TABLE registry_agencies ADD "RegionName" character varying(50);
