package netcalls.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The cost counters stay out of the measured path: every chain of calls that reaches {@link CostCounters} starts
 * at a method annotated {@code @Setup} or {@code @TearDown}, and none passes a {@code @Benchmark} method. Only
 * {@link CounterCost}, which measures one read of them, calls them from a benchmark.
 */
class CostCountersRuleTest {
  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("netcalls");

  /**
   * Every code unit from which CostCounters is reached, up to the {@code @Setup}/{@code @TearDown} methods (JMH's
   * generated code calls those), CostCounters' own and {@code exempt}'s left out.
   */
  static Set<JavaCodeUnit> callers(JavaClasses classes, Class<?> exempt) {
    Set<JavaCodeUnit> seen = new HashSet<>();
    Deque<JavaCodeUnit> todo = new ArrayDeque<>();
    classes.get(CostCounters.class).getCodeUnits().forEach(u -> u.getAccessesToSelf().forEach(a -> {
      if (!a.getOrigin().getOwner().isEquivalentTo(CostCounters.class)) {
        todo.add(a.getOrigin());
      }
    }));
    while (!todo.isEmpty()) {
      JavaCodeUnit u = todo.pop();
      if ((exempt != null && u.getOwner().isEquivalentTo(exempt)) || !seen.add(u)) {
        continue;
      }
      if (!u.isAnnotatedWith(Setup.class) && !u.isAnnotatedWith(TearDown.class)) {
        u.getAccessesToSelf().forEach(a -> todo.add(a.getOrigin())); // JMH's generated code calls the entries
      }
    }
    return seen;
  }

  @Test
  void theCountersAreReadOnlyFromSetupAndTeardownNeverFromABenchmark() {
    Set<JavaCodeUnit> callers = callers(MAIN, CounterCost.class);
    assertThat(callers).as("something reads the counters").isNotEmpty();
    Set<String> benchmarks = new TreeSet<>();
    Set<String> roots = new TreeSet<>();
    for (JavaCodeUnit u : callers) {
      if (u.isAnnotatedWith(Benchmark.class)) {
        benchmarks.add(u.getFullName());
      }
      boolean entry = u.isAnnotatedWith(Setup.class) || u.isAnnotatedWith(TearDown.class);
      if (!entry && u.getAccessesToSelf().isEmpty()) {
        roots.add(u.getFullName()); // reached from outside the code (a lambda's body, reflection): not allowed
      }
    }
    assertThat(benchmarks).as("benchmark methods that reach CostCounters").isEmpty();
    assertThat(roots).as("chains to CostCounters that start elsewhere than @Setup/@TearDown").isEmpty();
    assertThat(callers).filteredOn(u -> u instanceof JavaMethod && u.isAnnotatedWith(Setup.class)).isNotEmpty();
  }

  @Test
  void theRuleSeesABenchmarkThatReadsTheCounters() {
    // CounterCost reads them in its benchmark on purpose: not exempted, the rule finds it
    assertThat(callers(MAIN, null)).filteredOn(u -> u.isAnnotatedWith(Benchmark.class))
        .extracting(JavaCodeUnit::getFullName).containsExactly(CounterCost.class.getName() + ".snapshot()");
  }
}
