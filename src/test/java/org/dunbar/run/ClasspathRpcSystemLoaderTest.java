package org.dunbar.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.rpc.RpcSystem;
import org.junit.jupiter.api.Test;

class ClasspathRpcSystemLoaderTest {
  @Test
  void flinkTakesItsRpcSystemFromTheClassPath() throws Exception {
    try (RpcSystem rpc = RpcSystem.load(new Configuration())) {
      assertEquals("org.apache.flink.runtime.rpc.pekko.PekkoRpcSystem", rpc.getClass().getName());
      // Loaded by the application's class loader, not by one of Flink's over an unpacked jar.
      assertEquals(getClass().getClassLoader(), rpc.getClass().getClassLoader());
    }
  }
}
