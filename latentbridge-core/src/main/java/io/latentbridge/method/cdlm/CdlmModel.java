package io.latentbridge.method.cdlm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import io.latentbridge.loss.ClassPriorWeights;
import io.latentbridge.loss.DomainAdversarialLoss;
import io.latentbridge.loss.Losses;
import io.latentbridge.loss.MultiKernelMmd;
import io.latentbridge.loss.PseudoLabelLoss;
import io.latentbridge.nn.GradientReversal;
import io.latentbridge.nn.ModulatedReparameterization;
import io.latentbridge.nn.Networks;
import io.latentbridge.nn.Scalars;
import io.latentbridge.train.ImageTranslation;
import io.latentbridge.train.Inference;
import io.latentbridge.train.MethodModel;
import io.latentbridge.train.ModelShape;
import io.latentbridge.train.ParameterGroup;
import io.latentbridge.train.Schedule;
import io.latentbridge.train.StepContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * CDLM's networks and training step.
 *
 * <p>One encoder E is shared by both domains; heads give μ and log σ²; a projection g turns a
 * representation into a modulation signal m. Each domain's latent is reparameterised with the
 * <em>other</em> domain's m ({@link ModulatedReparameterization}); domain decoders reconstruct
 * from those modulated latents; a consistency term ties them to the decodings of the plain
 * samples; a domain classifier behind {@link GradientReversal} aligns h; a linear classifier,
 * trained on source labels only, predicts classes from μ.
 */
final class CdlmModel implements MethodModel {

    private final CdlmConfig config;
    private final ModelShape shape;
    private final Block encoder;
    private final Block muHead;
    private final Block logVarHead;
    private final Block modulationHead;
    private final Block sourceDecoder;
    private final Block targetDecoder;
    private final Block classifier;
    private final Block domainClassifier;
    private final ParameterGroup group;
    private final ModulatedReparameterization reparameterization;
    private final DomainAdversarialLoss adversarial;
    private final MultiKernelMmd mmd = MultiKernelMmd.standard();
    private final PseudoLabelLoss pseudoLabels;
    private final Schedule pseudoWeight;

    CdlmModel(CdlmConfig config, ModelShape shape) {
        this.config = config;
        this.shape = shape;
        encoder = Networks.convEncoder(config.hidden());
        muHead = Networks.linear(config.latent());
        logVarHead = Networks.linear(config.latent());
        modulationHead = Networks.linear(config.latent());
        sourceDecoder = Networks.upsampleDecoder(shape.size(), shape.channels());
        targetDecoder = Networks.upsampleDecoder(shape.size(), shape.channels());
        classifier = Networks.linear(shape.classes());
        domainClassifier = Networks.mlp(new int[] {256}, 1);
        Map<String, Block> blocks = new LinkedHashMap<>();
        blocks.put("encoder", encoder);
        blocks.put("mu", muHead);
        blocks.put("logvar", logVarHead);
        blocks.put("modulation", modulationHead);
        blocks.put("decoder_source", sourceDecoder);
        blocks.put("decoder_target", targetDecoder);
        blocks.put("classifier", classifier);
        blocks.put("domain_classifier", domainClassifier);
        group = new ParameterGroup("cdlm", blocks);
        reparameterization = new ModulatedReparameterization(
                ModulatedReparameterization.Mode.valueOf(config.modulation().toUpperCase(Locale.ROOT)));
        adversarial = new DomainAdversarialLoss(
                new GradientReversal(Schedule.dannLambda(config.gamma(), 1.0)), domainClassifier);
        pseudoLabels = new PseudoLabelLoss(config.pseudoThreshold());
        // the pseudo-labels are worth as much as the alignment behind them: the same ramp as λ_p
        pseudoWeight = Schedule.dannLambda(config.gamma(), config.lambdaPseudo());
    }

    @Override
    public boolean wantsCleanTarget() {
        return config.lambdaPseudo() > 0;
    }

    @Override
    public List<ParameterGroup> groups() {
        return List.of(group);
    }

    @Override
    public void initialize(NDManager manager) {
        Shape image = new Shape(1, shape.channels(), shape.size(), shape.size());
        Shape h = new Shape(1, config.hidden());
        Shape z = new Shape(1, config.latent());
        encoder.initialize(manager, DataType.FLOAT32, image);
        muHead.initialize(manager, DataType.FLOAT32, h);
        logVarHead.initialize(manager, DataType.FLOAT32, h);
        modulationHead.initialize(manager, DataType.FLOAT32, h);
        sourceDecoder.initialize(manager, DataType.FLOAT32, z);
        targetDecoder.initialize(manager, DataType.FLOAT32, z);
        classifier.initialize(manager, DataType.FLOAT32, readsH() ? h : z);
        domainClassifier.initialize(manager, DataType.FLOAT32, "mu".equals(config.alignOn()) ? z : h);
    }

    /** The per-domain quantities of one forward pass. */
    private record Encoded(NDArray h, NDArray mu, NDArray logVar, NDArray sigma, NDArray m) {}

    private Encoded encode(NDArray h, java.util.function.Function<Block, NDArray> head) {
        NDArray mu = head.apply(muHead);
        NDArray logVar = head.apply(logVarHead).clip(-config.logVarClip(), config.logVarClip());
        NDArray sigma = Scalars.mul(logVar, 0.5f).exp();
        NDArray raw = head.apply(modulationHead);
        return new Encoded(h, mu, logVar, sigma, signal(raw));
    }

    /**
     * The modulation signal: standardised over the batch so that it stands in for unit noise
     * (a tanh saturates and becomes a constant shift, which the decoders learn to ignore).
     */
    private NDArray signal(NDArray raw) {
        if ("tanh".equals(config.modulationSignal())) {
            return raw.tanh();
        }
        NDArray mean = raw.mean(new int[] {0}, true);
        NDArray centred = raw.sub(mean);
        NDArray std = centred.square().mean(new int[] {0}, true).add(1e-5f).sqrt();
        return centred.div(std);
    }

    @Override
    public Map<String, Double> step(StepContext ctx, NDArray xs, NDArray ys, NDArray xt) {
        long b = xs.getShape().get(0);
        NDArray h = ctx.forward(encoder, NDArrays.concat(new ai.djl.ndarray.NDList(xs, xt), 0));
        Encoded both = encode(h, block -> ctx.forward(block, h));
        NDArray muS = both.mu().get(new NDIndex(":{}", b));
        NDArray muT = both.mu().get(new NDIndex("{}:", b));
        NDArray sigmaS = both.sigma().get(new NDIndex(":{}", b));
        NDArray sigmaT = both.sigma().get(new NDIndex("{}:", b));
        NDArray mS = both.m().get(new NDIndex(":{}", b));
        NDArray mT = both.m().get(new NDIndex("{}:", b));
        NDArray eps = ctx.normal(both.mu().getShape());
        NDArray epsS = eps.get(new NDIndex(":{}", b));
        NDArray epsT = eps.get(new NDIndex("{}:", b));

        // plain samples and the cross-domain modulated ones (same ε, so only m differs)
        NDArray zS = muS.add(sigmaS.mul(epsS));
        NDArray zT = muT.add(sigmaT.mul(epsT));
        NDArray zSt = reparameterization.sample(muS, sigmaS, mT, epsS);
        NDArray zTs = reparameterization.sample(muT, sigmaT, mS, epsT);

        NDArray outS = ctx.forward(sourceDecoder, NDArrays.concat(new ai.djl.ndarray.NDList(zSt, zS), 0));
        NDArray outT = ctx.forward(targetDecoder, NDArrays.concat(new ai.djl.ndarray.NDList(zTs, zT), 0));
        NDArray recS = outS.get(new NDIndex(":{}", b));
        NDArray genS = outS.get(new NDIndex("{}:", b));
        NDArray recT = outT.get(new NDIndex(":{}", b));
        NDArray genT = outT.get(new NDIndex("{}:", b));

        float pixels = shape.channels() * shape.size() * shape.size();
        NDArray rec = Losses.binaryCrossEntropyWithLogits(recS, xs)
                .add(Losses.binaryCrossEntropyWithLogits(recT, xt));
        NDArray klPerImage = Losses.gaussianKl(both.mu(), both.logVar());
        NDArray kl = Scalars.mul(Scalars.div(klPerImage, pixels), 2f);
        NDArray cons = Losses.mse(Activation.sigmoid(recS), Activation.sigmoid(genS))
                .add(Losses.mse(Activation.sigmoid(recT), Activation.sigmoid(genT)));

        NDArray classifierInput = switch (config.classifierInput()) {
            case "h" -> h.get(new NDIndex(":{}", b));
            case "mu" -> muS;
            case "z" -> zS;
            default -> zSt;
        };
        NDArray sourceLogits = ctx.forward(classifier, classifierInput);
        NDArray cls = Losses.crossEntropy(sourceLogits, ys);

        // what the domain classifier (and the optional MMD) aligns across the domains
        NDArray aligned = "mu".equals(config.alignOn()) ? both.mu() : h;
        DomainAdversarialLoss.Result domain = adversarial.apply(ctx, aligned, ctx.progress());
        NDArray adv = domain.loss();
        NDArray targetLogits = config.lambdaMmd() > 0 || config.lambdaEnt() > 0
                || config.lambdaPseudo() > 0 || config.lambdaDiversity() > 0
                ? ctx.forward(classifier, readsH() ? h.get(new NDIndex("{}:", b)) : muT)
                : null;
        NDArray mmdTerm = null;
        if (config.lambdaMmd() > 0) {
            mmdTerm = mmd.apply(aligned.get(new NDIndex(":{}", b)),
                    aligned.get(new NDIndex("{}:", b)),
                    ClassPriorWeights.forSource(ys, targetLogits));
        }
        NDArray entropy = config.lambdaEnt() > 0 ? Losses.conditionalEntropy(targetLogits) : null;
        NDArray diversity = config.lambdaDiversity() > 0
                ? Losses.marginalDivergenceFromUniform(targetLogits) : null;
        PseudoLabelLoss.Result pseudo = null;
        if (config.lambdaPseudo() > 0) {
            // the clean view only labels: PseudoLabelLoss stops its gradient
            NDArray hClean = ctx.forward(encoder, ctx.cleanTarget());
            NDArray cleanLogits = ctx.forward(classifier,
                    readsH() ? hClean : ctx.forward(muHead, hClean));
            pseudo = "distribution".equals(config.pseudoAlignment())
                    ? pseudoLabels.applyAligned(targetLogits, cleanLogits, sourceLogits)
                    : pseudoLabels.apply(targetLogits, cleanLogits);
        }

        NDArray total = Scalars.mul(rec, (float) config.lambdaRec())
                .add(Scalars.mul(kl, (float) config.beta()))
                .add(Scalars.mul(cons, (float) config.lambdaCons()))
                .add(Scalars.mul(cls, (float) config.lambdaCls()));
        if (config.lambdaAdv() > 0) {
            total = total.add(Scalars.mul(adv, (float) config.lambdaAdv()));
        }
        if (mmdTerm != null) {
            total = total.add(Scalars.mul(mmdTerm, (float) config.lambdaMmd()));
        }
        if (entropy != null) {
            total = total.add(Scalars.mul(entropy, (float) config.lambdaEnt()));
        }
        if (diversity != null) {
            total = total.add(Scalars.mul(diversity, config.lambdaDiversity().floatValue()));
        }
        // the ramp's value once per step, for the total and for the log
        double pseudoLambda = pseudo != null ? pseudoWeight.value(ctx.progress()) : 0;
        if (pseudo != null) {
            total = total.add(Scalars.mul(pseudo.loss(), (float) pseudoLambda));
        }
        NDArray cycle = null;
        if (config.lambdaCycle() > 0) {
            // the target digit in source style must encode back to the target's own mean
            NDArray translated = Activation.sigmoid(ctx.forward(sourceDecoder, zTs));
            NDArray muBack = ctx.forward(muHead, ctx.forward(encoder, translated));
            cycle = Losses.mse(muBack, muT);
            total = total.add(Scalars.mul(cycle, (float) config.lambdaCycle()));
        }
        ctx.minimize(total, group);

        Map<String, Double> out = new LinkedHashMap<>();
        out.put("loss", (double) total.getFloat());
        out.put("rec", (double) rec.getFloat());
        out.put("kl", (double) kl.getFloat());
        out.put("cons", (double) cons.getFloat());
        out.put("cls", (double) cls.getFloat());
        out.put("adv", (double) adv.getFloat());
        if (cycle != null) {
            out.put("cycle", (double) cycle.getFloat());
        }
        if (mmdTerm != null) {
            out.put("mmd", (double) mmdTerm.getFloat());
        }
        if (entropy != null) {
            out.put("ent", (double) entropy.getFloat());
        }
        if (diversity != null) {
            out.put("diversity", (double) diversity.getFloat());
        }
        if (pseudo != null) {
            out.put("pseudo", (double) pseudo.loss().getFloat());
            out.put("pseudo_accepted", (double) pseudo.acceptedFraction().getFloat());
            out.put("pseudo_weight", pseudoLambda);
        }
        out.put("lambda", (double) domain.lambda());
        out.put("domain_acc", (double) domain.accuracy());
        return out;
    }

    @Override
    public NDArray classify(Inference inference, NDArray images) {
        return inference.forward(classifier, features(inference, images));
    }

    /** What the classifier reads at test time: μ, or h when {@code classifier_input} is h. */
    @Override
    public NDArray features(Inference inference, NDArray images) {
        NDArray h = inference.forward(encoder, images);
        return readsH() ? h : inference.forward(muHead, h);
    }

    private boolean readsH() {
        return "h".equals(config.classifierInput());
    }

    @Override
    public Optional<ImageTranslation> translation() {
        return Optional.of(new ImageTranslation() {
            @Override
            public NDArray targetToSource(Inference inf, NDArray target, NDArray sourceContext) {
                return translate(inf, target, sourceContext, sourceDecoder);
            }

            @Override
            public NDArray sourceToTarget(Inference inf, NDArray source, NDArray targetContext) {
                return translate(inf, source, targetContext, targetDecoder);
            }
        });
    }

    @Override
    public Optional<io.latentbridge.train.LatentModulation> modulation() {
        return Optional.of(new io.latentbridge.train.LatentModulation() {
            @Override
            public NDArray transferMean(Inference inf, NDArray images, NDArray other) {
                return CdlmModel.this.transferMean(inf, images, other);
            }

            @Override
            public NDArray plainMean(Inference inf, NDArray images) {
                return inf.forward(muHead, inf.forward(encoder, images));
            }
        });
    }

    /** The transfer mean μ_a + σ_a ⊙ m_b of images a, modulated by images b. */
    private NDArray transferMean(Inference inf, NDArray images, NDArray context) {
        NDArray h = inf.forward(encoder, images);
        Encoded a = encode(h, block -> inf.forward(block, h));
        NDArray mb = signal(inf.forward(modulationHead, inf.forward(encoder, context)));
        return reparameterization.mean(a.mu(), a.sigma(), mb);
    }

    /** Decodes the transfer mean of images a, modulated by images b. */
    private NDArray translate(Inference inf, NDArray images, NDArray context, Block decoder) {
        return Activation.sigmoid(inf.forward(decoder, transferMean(inf, images, context)));
    }
}
