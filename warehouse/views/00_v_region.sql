-- v_region: dim_region plus region_label, the shortest name that is unambiguous on a chart
-- or in a table: a county with its city (泉州市南安市; with its province where the county has
-- no city), a city or a province by its own name. The other views join this, not dim_region.
-- Columns: region_code, name, level, parent_code, province, city, county (as dim_region),
-- region_label.
CREATE OR REPLACE VIEW v_region AS
SELECT
    *,
    CASE level
        WHEN 'county' THEN coalesce(city, province) || county
        WHEN 'city' THEN city
        ELSE province
    END AS region_label
FROM dim_region;
