/**
 * How well this machine's cores scale for pure computation, as a reference for the render speed-up:
 * {@code java bench/CpuScaling.java 1} then {@code java bench/CpuScaling.java 2}; each thread does
 * the same work, so equal times mean perfect scaling.
 */
public class CpuScaling {
  public static void main(String[] args) throws Exception {
    int threads = Integer.parseInt(args[0]);
    long t0 = System.nanoTime();
    long[] sink = new long[threads];
    Thread[] ts = new Thread[threads];
    for (int i = 0; i < threads; i++) {
      int slot = i;
      ts[i] =
          new Thread(
              () -> {
                long x = 0;
                for (long k = 0; k < 3_000_000_000L; k++) {
                  x += k ^ (x >>> 3);
                }
                sink[slot] = x;
              });
      ts[i].start();
    }
    for (Thread t : ts) {
      t.join();
    }
    System.out.printf("%d threads: %.2f s (%d)%n", threads, (System.nanoTime() - t0) / 1e9, sink[0] & 1);
  }
}
