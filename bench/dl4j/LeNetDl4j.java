import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The JVM peer: LatentBridge's source-only model (conv5x5(32)-ReLU-maxpool-conv5x5(64)-ReLU-
 * maxpool-FC512-ReLU-FC64-FC10, softmax cross-entropy, Adam 1e-3, batch 64) in DL4J, on random
 * batches of MNIST's shape, timed per window of steps after a warm-up.
 *   java -cp CLASSPATH bench/dl4j/LeNetDl4j.java WARMUP STEPS WINDOWS
 */
public class LeNetDl4j {
    public static void main(String[] args) throws Exception {
        int warmup = Integer.parseInt(args[0]);
        int steps = Integer.parseInt(args[1]);
        int windows = Integer.parseInt(args[2]);
        int batch = 64;
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(1).updater(new Adam(1e-3)).list()
                .layer(new ConvolutionLayer.Builder(5, 5).nIn(1).nOut(32)
                        .activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                        .kernelSize(2, 2).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(5, 5).nOut(64)
                        .activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                        .kernelSize(2, 2).stride(2, 2).build())
                .layer(new DenseLayer.Builder().nOut(512).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nOut(64).activation(Activation.IDENTITY).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(28, 28, 1))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        INDArray x = Nd4j.rand(new int[] {batch, 1, 28, 28});
        INDArray y = Nd4j.zeros(batch, 10);
        for (int i = 0; i < batch; i++) {
            y.putScalar(i, i % 10, 1.0);
        }
        int total = warmup + steps * windows;
        long[] at = new long[total + 1];
        for (int step = 1; step <= total; step++) {
            net.fit(x, y);
            net.score();
            at[step] = System.nanoTime();
        }
        List<String> ips = new ArrayList<>();
        for (int w = 0; w < windows; w++) {
            long dt = at[warmup + (w + 1) * steps] - at[warmup + w * steps];
            ips.add(String.format(Locale.ROOT, "%.1f", steps * batch / (dt / 1e9)));
        }
        long hwm = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("VmHWM:")).map(l -> l.replaceAll("\\D", ""))
                .mapToLong(Long::parseLong).findFirst().orElse(-1);
        System.out.printf(Locale.ROOT, "{\"impl\": \"dl4j 1.0.0-M2.1\", \"model\": \"source-only\", "
                + "\"batch\": %d, \"images_per_step\": %d, \"ips\": [%s], \"rss_mb\": %.0f}%n",
                batch, batch, String.join(", ", ips), hwm / 1024.0);
    }
}
