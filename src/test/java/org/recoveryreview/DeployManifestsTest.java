package org.recoveryreview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Kubernetes manifests in deploy/kubernetes/ hold what a partitioned monthly run depends on: an
 * Indexed Job whose index becomes {@code --shard}, a merge over the shards' folder, a CronJob that
 * never overlaps, all on one shared volume.
 */
class DeployManifestsTest {
  private static final Path DIR = Path.of("deploy", "kubernetes");

  private static List<Map<String, Object>> load(String file) throws IOException {
    List<Map<String, Object>> docs = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(DIR.resolve(file), StandardCharsets.UTF_8)) {
      for (Object o : new Yaml().loadAll(r)) {
        docs.add(map(o));
      }
    }
    return docs;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    assertTrue(o instanceof Map, String.valueOf(o));
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object o) {
    assertTrue(o instanceof List, String.valueOf(o));
    return (List<Object>) o;
  }

  /** Follows a path of map keys and list indices. */
  private static Object at(Object root, Object... path) {
    Object o = root;
    for (Object k : path) {
      o = k instanceof Integer i ? list(o).get(i) : map(o).get(k);
      assertTrue(o != null, "missing " + k + " in " + List.of(path));
    }
    return o;
  }

  private static Map<String, Object> container(Map<String, Object> podSpec) {
    return map(at(podSpec, "containers", 0));
  }

  private static String env(Map<String, Object> container, String name) {
    for (Object e : list(container.get("env"))) {
      if (name.equals(map(e).get("name"))) {
        return String.valueOf(map(e).get("value"));
      }
    }
    throw new AssertionError("no env " + name);
  }

  private static String script(Map<String, Object> container) {
    return String.join(" ", list(container.get("args")).stream().map(String::valueOf).toList());
  }

  @Test
  void shardsJob_indexedWithPerIndexRetries_indexBecomesShardOfCompletions() throws IOException {
    Map<String, Object> job = load("shards-job.yaml").get(0);
    assertEquals("Job", job.get("kind"));
    Map<String, Object> spec = map(job.get("spec"));
    assertEquals("Indexed", spec.get("completionMode"));
    assertTrue(((Number) spec.get("backoffLimitPerIndex")).intValue() >= 0);
    Map<String, Object> pod = map(at(spec, "template", "spec"));
    assertEquals("Never", pod.get("restartPolicy"));
    Map<String, Object> c = container(pod);
    String script = script(c);
    assertTrue(
        script.contains("--shard \"${JOB_COMPLETION_INDEX}/${SHARDS}\""), "wrapper: " + script);
    assertTrue(script.contains(" run "), script);
    // The N of --shard i/N must be the number of indices Kubernetes starts.
    assertEquals(String.valueOf(spec.get("completions")), env(c, "SHARDS"));
    // A data or usage error is not retried.
    String rules = String.valueOf(at(spec, "podFailurePolicy", "rules"));
    assertTrue(rules.contains("FailIndex") && rules.contains("65"), rules);
    // All indexes start together (one lock per shard folder); 75 is the same index twice.
    assertEquals(spec.get("completions"), spec.get("parallelism"));
    assertTrue(rules.contains("75"), rules);
  }

  @Test
  void mergeJob_readsTheShardsFolderTheShardsWrite() throws IOException {
    Map<String, Object> shards = load("shards-job.yaml").get(0);
    Map<String, Object> merge = load("merge-job.yaml").get(0);
    assertEquals("Job", merge.get("kind"));
    String shardScript = script(container(map(at(shards, "spec", "template", "spec"))));
    String mergeScript = script(container(map(at(merge, "spec", "template", "spec"))));
    assertTrue(mergeScript.contains(" merge "), mergeScript);
    assertTrue(shardScript.contains("--output /data/shards"), shardScript);
    assertTrue(mergeScript.contains("--shards /data/shards"), mergeScript);
    assertTrue(shardScript.contains("--input /data/exports"), shardScript);
    // The merge reads the shards' partial results only, never the exports.
    assertTrue(!mergeScript.contains("--input"), mergeScript);
    assertEquals(
        env(container(map(at(shards, "spec", "template", "spec"))), "PERIOD"),
        env(container(map(at(merge, "spec", "template", "spec"))), "PERIOD"));
  }

  @Test
  void everyJob_mountsTheOneSharedClaim() throws IOException {
    Map<String, Object> pvc = load("pvc.yaml").get(0);
    assertEquals("PersistentVolumeClaim", pvc.get("kind"));
    assertTrue(String.valueOf(at(pvc, "spec", "accessModes")).contains("ReadWriteMany"));
    String claim = String.valueOf(at(pvc, "metadata", "name"));
    for (String file : new String[] {"shards-job.yaml", "merge-job.yaml"}) {
      Map<String, Object> pod = map(at(load(file).get(0), "spec", "template", "spec"));
      assertEquals(claim, at(pod, "volumes", 0, "persistentVolumeClaim", "claimName"), file);
      assertEquals("/data", at(container(pod), "volumeMounts", 0, "mountPath"), file);
    }
  }

  @Test
  void cronJob_forbidsOverlapAndRunsShardsThenMerge() throws IOException {
    List<Map<String, Object>> docs = load("cronjob.yaml");
    Map<String, Object> cron = docs.get(0);
    assertEquals("CronJob", cron.get("kind"));
    assertEquals("Forbid", at(cron, "spec", "concurrencyPolicy"));
    String script =
        script(container(map(at(cron, "spec", "jobTemplate", "spec", "template", "spec"))));
    int shards = script.indexOf("run recovery-review-shards /manifests/shards-job.yaml");
    int merge = script.indexOf("run recovery-review-merge /manifests/merge-job.yaml");
    assertTrue(shards >= 0 && merge > shards, script);
    // The driver's names match the Jobs' names, and it may create them.
    assertEquals("recovery-review-shards", at(load("shards-job.yaml").get(0), "metadata", "name"));
    assertEquals("recovery-review-merge", at(load("merge-job.yaml").get(0), "metadata", "name"));
    String role =
        String.valueOf(
            docs.stream().filter(d -> "Role".equals(d.get("kind"))).findFirst().orElseThrow());
    assertTrue(role.contains("jobs") && role.contains("create"), role);
  }

  @Test
  void kustomization_listsEveryManifest() throws IOException {
    String k = String.valueOf(load("kustomization.yaml").get(0));
    for (String f :
        new String[] {"pvc.yaml", "cronjob.yaml", "shards-job.yaml", "merge-job.yaml"}) {
      assertTrue(k.contains(f), f + " not in " + k);
    }
    assertFalse(k.contains("recovery-review-jobs-"), k);
  }
}
