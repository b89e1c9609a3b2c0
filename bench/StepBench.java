import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import io.latentbridge.data.DataRoots;
import io.latentbridge.data.Downloader;
import io.latentbridge.data.Task;
import io.latentbridge.method.MethodRegistry;
import io.latentbridge.nn.Networks;
import io.latentbridge.run.ConfigResolver;
import io.latentbridge.train.EngineInfo;
import io.latentbridge.train.EngineRuntime;
import io.latentbridge.train.Method;
import io.latentbridge.train.MethodModel;
import io.latentbridge.train.ModelShape;
import io.latentbridge.train.TrainConfig;
import io.latentbridge.train.TrainingListener;
import io.latentbridge.train.TrainingLoop;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * LatentBridge's side of the performance benchmark: the real training loop of a method on
 * MNIST→USPS, timed per window of steps after a warm-up. Run by bench/run.sh with the CLI jar on
 * the class path:
 *   java -cp latentbridge-cli.jar bench/StepBench.java METHOD WARMUP STEPS WINDOWS THREADS [TRACE [IMPL]]
 * Prints one JSON line: images per second per window (source + target images for the
 * adaptation methods, source images for source-only) and the peak resident memory. With TRACE,
 * libtorch's profiler records every operator of the timed windows into that Chrome-trace JSON
 * file (bench/profile.sh summarises it; "-" for none); profiled steps run slower, so their
 * images/s are not the benchmark's. IMPL names the row (bench/run.sh's baseline build).
 */
public class StepBench {
    public static void main(String[] args) throws Exception {
        String methodName = args[0];
        int warmup = Integer.parseInt(args[1]);
        int steps = Integer.parseInt(args[2]);
        int windows = Integer.parseInt(args[3]);
        int threads = Integer.parseInt(args[4]);
        String trace = args.length > 5 && !args[5].equals("-") ? args[5] : null;
        EngineInfo engine = EngineRuntime.start(null, threads);
        Task task = Task.load("mnist", "usps", DataRoots.resolve(null, false), new Downloader(),
                Task.Options.DEFAULT);
        Method<?> method = new MethodRegistry().find(methodName).orElseThrow();
        // the peers do no jitter, no checkpoints and no logging work: neither does this side
        ConfigResolver.Resolved r = new ConfigResolver().resolve(method, null, List.of(
                "augment_shift=0", "augment_scale=0", "augment_rotate=0", "checkpoint_every=0",
                "log_every=" + (warmup + steps * windows), "judge_steps=0"));
        int total = warmup + steps * windows;
        TrainConfig train = r.train().withSteps(total);
        MethodModel model = method.createUnchecked(r.method(), new ModelShape(1, 28, 10));
        long[] at = new long[total + 1];
        TrainingListener clock = new TrainingListener() {
            @Override
            public void onStep(int step) {
                at[step] = System.nanoTime();
                if (trace != null && step == warmup) {
                    JniUtils.startProfile(false, true, false);
                } else if (trace != null && step == total) {
                    JniUtils.stopProfile(trace);
                }
            }
        };
        try (NDManager manager = NDManager.newBaseManager(engine.toDevice())) {
            TrainingLoop loop = new TrainingLoop(train, List.of(clock));
            loop.initialize(model, manager);
            loop.train(model, task.sourceTrain(), task.targetTrain(), manager, "bench");
        }
        int perStep = train.batchSize() * (methodName.equals("source-only") ? 1 : 2);
        List<String> ips = new ArrayList<>();
        for (int w = 0; w < windows; w++) {
            long dt = at[warmup + (w + 1) * steps] - at[warmup + w * steps];
            ips.add(String.format(Locale.ROOT, "%.1f", steps * perStep / (dt / 1e9)));
        }
        long hwm = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("VmHWM:")).map(l -> l.replaceAll("\\D", ""))
                .mapToLong(Long::parseLong).findFirst().orElse(-1);
        // builds before the fused decoder convolutions execute the plain upsample-then-convolve
        boolean fused = Networks.class.getClassLoader()
                .getResource("io/latentbridge/nn/UpsampleConvolution.class") != null;
        String impl = args.length > 6 ? args[6] : "latentbridge";
        System.out.printf(Locale.ROOT, "{\"impl\": \"%s\", \"model\": \"%s\", "
                + "\"batch\": %d, \"images_per_step\": %d, \"ips\": [%s], \"rss_mb\": %.0f, "
                + "\"decoder\": \"%s\"}%n", impl, methodName, train.batchSize(), perStep,
                String.join(", ", ips), hwm / 1024.0, fused ? "fused" : "plain");
    }
}
