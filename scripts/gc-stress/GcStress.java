import ai.djl.ndarray.NDManager;
import io.latentbridge.data.DataRoots;
import io.latentbridge.data.Downloader;
import io.latentbridge.data.LabelledImages;
import io.latentbridge.data.Task;
import io.latentbridge.data.UnlabelledImages;
import io.latentbridge.method.MethodRegistry;
import io.latentbridge.train.DivergenceException;
import io.latentbridge.train.EngineRuntime;
import io.latentbridge.train.Method;
import io.latentbridge.train.MethodModel;
import io.latentbridge.train.ModelShape;
import io.latentbridge.train.StepLog;
import io.latentbridge.train.TrainConfig;
import io.latentbridge.train.TrainingListener;
import io.latentbridge.train.TrainingLoop;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Repeats MethodContractTest's 12-step CDLM run (300 MNIST and 300 USPS images, seed 3) in one
 * JVM and counts the distinct final losses, optionally beside a thread that calls System.gc()
 * every GC_MS milliseconds. Arguments: THREADS REPS [GC_MS]. Run by scripts/gc-stress.sh.
 */
public final class GcStress {
    public static void main(String[] args) {
        int threads = Integer.parseInt(args[0]);
        int reps = Integer.parseInt(args[1]);
        long gcMs = args.length > 2 ? Long.parseLong(args[2]) : 0;
        EngineRuntime.start(null, threads);
        if (gcMs > 0) {
            Thread collector = new Thread(() -> {
                while (true) {
                    System.gc();
                    try {
                        Thread.sleep(gcMs);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            collector.setDaemon(true);
            collector.start();
        }
        Task task = Task.load("mnist", "usps", DataRoots.resolve(null, false), new Downloader(),
                Task.Options.DEFAULT);
        int[] idx = new int[300];
        Arrays.setAll(idx, i -> i);
        LabelledImages source = new LabelledImages(task.sourceTrain().images().select(idx),
                Arrays.copyOf(task.sourceTrain().labels(), idx.length),
                task.sourceTrain().classes());
        UnlabelledImages target = new UnlabelledImages(task.targetTrain().images().select(idx));
        Method<?> method = new MethodRegistry().find("cdlm").orElseThrow();
        Map<String, Integer> finals = new TreeMap<>();
        int diverged = 0;
        for (int r = 0; r < reps; r++) {
            double[] last = {Double.NaN};
            TrainingListener capture = new TrainingListener() {
                @Override
                public void onLog(StepLog log) {
                    last[0] = log.values().get("loss");
                }
            };
            TrainConfig config = TrainConfig.of(12, 16, 1e-3, "dann", "adam", 3, 4, 0, 64);
            try (NDManager manager = NDManager.newBaseManager()) {
                MethodModel model = method.createUnchecked(method.defaults(), new ModelShape(1, 28, 10));
                TrainingLoop loop = new TrainingLoop(config, List.of(capture));
                loop.initialize(model, manager);
                loop.train(model, source, target, manager, "cdlm");
                finals.merge(Double.toString(last[0]), 1, Integer::sum);
            } catch (DivergenceException e) {
                diverged++;
            }
        }
        System.out.println("repetitions " + reps + ", diverged " + diverged
                + ", final losses (value=count) " + finals);
    }
}
