-- Reference dimensions from the registered frames `gazetteer` and `taxonomy`; rerunnable.
INSERT OR REPLACE INTO dim_region BY NAME SELECT * FROM gazetteer;
INSERT OR REPLACE INTO dim_measure BY NAME SELECT * FROM taxonomy;
