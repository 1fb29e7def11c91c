package org.dunbar.run;

import java.util.ServiceLoader;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.rpc.RpcSystem;
import org.apache.flink.runtime.rpc.RpcSystemLoader;

/**
 * Gives Flink its RPC system (Pekko, {@code flink-rpc-akka}) from the class path, where dunbar's
 * jar carries it (a Java service named in {@code META-INF/services}).
 *
 * <p>Flink's own loader ({@code flink-rpc-akka-loader}, left out in {@code pom.xml}) keeps that
 * system as a 22 MB jar inside its jar, writes it to a temporary file at every start and loads it
 * through a class loader of its own. That cost every run about half a second (a small study 6.5–6.8
 * s → 6.1–6.25 s, README "Benchmarks"), its classes could not be in the class-data archive, and a
 * killed run left the 22 MB file in the temporary folder. The RPC system keeps its own Scala and
 * Pekko; dunbar's other dependencies use neither.
 */
public final class ClasspathRpcSystemLoader implements RpcSystemLoader {
  /** Before Flink's own loader (priority 0), should both ever be on the class path. */
  @Override
  public int getLoadPriority() {
    return -1;
  }

  /**
   * @throws IllegalStateException when no RPC system is on the class path (a jar built without
   *     {@code flink-rpc-akka})
   */
  @Override
  public RpcSystem loadRpcSystem(Configuration config) {
    return ServiceLoader.load(RpcSystem.class, ClasspathRpcSystemLoader.class.getClassLoader())
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no Flink RPC system on the class path"));
  }
}
