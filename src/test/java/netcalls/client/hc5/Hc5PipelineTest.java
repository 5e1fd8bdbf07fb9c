package netcalls.client.hc5;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import netcalls.client.Client;
import netcalls.client.ClientOptions;
import netcalls.client.TlsTrust;
import netcalls.trace.SampleRecorder;
import org.junit.jupiter.api.Test;

/**
 * trace=on and trace=off build the same HttpClient 5 pipeline (issue 24): the same classes reachable from the
 * client (exec chain, request executor, connection manager and its operator), so trace=on measures the same code
 * plus the hooks' work.
 */
class Hc5PipelineTest {

  @Test
  void traceOnAndOffBuildTheSamePipelineForEveryKindOfClient() throws Exception {
    ClientOptions off = ClientOptions.defaults(TlsTrust.platform());
    ClientOptions on = off.withRecorder(new SampleRecorder(1));
    Map<String, Function<Hc5Library, Client>> kinds = Map.of(
        "new client", Hc5Library::newClient,
        "shared pool", Hc5Library::newClientOnSharedPool,
        "no keep-alive", Hc5Library::newNoKeepAliveClient);
    for (Map.Entry<String, Function<Hc5Library, Client>> kind : kinds.entrySet()) {
      Set<String> withoutTrace = classes(off, kind.getValue());
      Set<String> withTrace = classes(on, kind.getValue());
      assertThat(withoutTrace).as(kind.getKey() + ": the tracer's hooks are in the pipeline")
          .contains(Hc5Tracer.class.getName() + "$Operator", "org.apache.hc.client5.http.impl.classic.MainClientExec")
          .anyMatch(c -> c.startsWith(Hc5Tracer.class.getName() + "$$Lambda"));
      assertThat(withTrace).as(kind.getKey()).isEqualTo(withoutTrace);
    }
  }

  private static Set<String> classes(ClientOptions options, Function<Hc5Library, Client> open) throws Exception {
    Hc5Library library = new Hc5Library(options);
    try (Client client = open.apply(library)) {
      Field f = Hc5ClientAdapter.class.getDeclaredField("client");
      f.setAccessible(true);
      return reachableClasses(f.get(client));
    } finally {
      library.close();
    }
  }

  /**
   * The classes of every object reachable from {@code root} through the fields of the library's and this project's
   * objects and the elements of arrays, collections and maps (JDK objects are not opened). Hidden classes (the
   * tracer's lambdas) are named without their address, which differs between JVMs but not within one.
   */
  static Set<String> reachableClasses(Object root) throws IllegalAccessException {
    Set<String> out = new TreeSet<>();
    Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Object> todo = new ArrayDeque<>();
    todo.add(root);
    while (!todo.isEmpty()) {
      Object o = todo.pop();
      if (!seen.add(o)) {
        continue;
      }
      Class<?> c = o.getClass();
      out.add(c.getName().replaceAll("/0x[0-9a-f]+$", ""));
      if (c.isArray()) {
        if (!c.getComponentType().isPrimitive()) {
          for (int i = 0; i < Array.getLength(o); i++) {
            push(todo, Array.get(o, i));
          }
        }
      } else if (o instanceof Collection<?> items) {
        items.forEach(i -> push(todo, i));
      } else if (o instanceof Map<?, ?> map) {
        map.forEach((k, v) -> {
          push(todo, k);
          push(todo, v);
        });
      } else {
        for (Class<?> k = c; k != null && opened(k); k = k.getSuperclass()) {
          for (Field f : k.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers()) && !f.getType().isPrimitive()) {
              f.setAccessible(true);
              push(todo, f.get(o));
            }
          }
        }
      }
    }
    return out;
  }

  private static boolean opened(Class<?> c) {
    return c.getName().startsWith("org.apache.hc.") || c.getName().startsWith("netcalls.");
  }

  private static void push(Deque<Object> todo, Object o) {
    if (o != null) {
      todo.push(o);
    }
  }
}
