package netcalls.export;

import java.nio.file.Path;
import org.influxdb.InfluxDB;
import org.influxdb.dto.Query;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test against the InfluxDB of scripts/with-influxdb.sh, each test in a database of its own (named after
 * {@code prefix}) that is dropped after it, so tests never see each other's points.
 */
@Tag(InfluxSupport.TAG)
abstract class WithInfluxDatabase {
  private final String prefix;

  @TempDir
  Path tmp;

  InfluxDB influx;
  String database;

  WithInfluxDatabase(String prefix) {
    this.prefix = prefix;
  }

  @BeforeEach
  void connect() {
    influx = InfluxSupport.connect(InfluxSupport.url());
    database = InfluxSupport.uniqueDatabase(prefix);
  }

  @AfterEach
  void drop() {
    influx.query(new Query("DROP DATABASE \"" + database + "\""));
    influx.close();
  }
}
