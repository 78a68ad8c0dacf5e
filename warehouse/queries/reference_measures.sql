SELECT measure_code FROM dim_measure;
