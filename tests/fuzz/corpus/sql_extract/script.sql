DECLARE cutoff DATE DEFAULT DATE_SUB(CURRENT_DATE(), INTERVAL 7 DAY);
DECLARE n INT64;
BEGIN
  CREATE TEMP TABLE scratch AS SELECT * FROM `p.raw.events` WHERE dt >= cutoff;
  SET n = (SELECT COUNT(*) FROM scratch);
  IF n = 0 THEN
    RAISE USING MESSAGE = 'no rows';
  END IF;
  INSERT INTO `p.mart.events_daily` SELECT dt, COUNT(*) FROM scratch GROUP BY dt;
  ASSERT (SELECT COUNT(*) FROM `p.mart.events_daily` WHERE dt = cutoff) > 0 AS 'empty';
EXCEPTION WHEN ERROR THEN
  SELECT @@error.message;
END;
