SELECT region_code FROM dim_region;
