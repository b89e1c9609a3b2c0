package io.latentbridge.data;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The named datasets LatentBridge knows, with official file names, download addresses and the
 * digests of every known good copy.
 *
 * <p>Digests: the MD5s of the official releases (as published by their distributors and used by
 * torchvision), and the SHA-256s of the copies kept for this project's CI, whose compressed bytes
 * differ from the official ones while the content is identical (see the datasets README).
 */
public final class Catalog {

    private final List<DatasetSpec> datasets;

    /** Creates the built-in catalog. */
    public Catalog() {
        this.datasets = List.of(mnist(), fashionMnist(), usps());
    }

    /** @return every dataset */
    public List<DatasetSpec> datasets() {
        return datasets;
    }

    /**
     * @param name a catalog name
     * @return the dataset, if there is one of that name
     */
    public Optional<DatasetSpec> find(String name) {
        return datasets.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /** @return the catalog names, comma separated */
    public String names() {
        return String.join(", ", datasets.stream().map(DatasetSpec::name).toList());
    }

    private static DatasetFile file(String base, String name, String sha256, String md5) {
        return new DatasetFile(name, URI.create(base + name), Set.of(sha256), Set.of(md5));
    }

    private static DatasetSpec mnist() {
        String base = "https://ossci-datasets.s3.amazonaws.com/mnist/";
        return new DatasetSpec("mnist", DatasetSpec.Format.IDX, ClassNames.digits(), List.of(
                new DatasetSpec.Split("train", 60000,
                        file(base, "train-images-idx3-ubyte.gz",
                                "0b367032e93c5d0cea0925647cfdb18614af8ee15f83e6f2fc2ad904a6835971",
                                "f68b3c2dcbeaaa9fbdd348bbdeb94873"),
                        file(base, "train-labels-idx1-ubyte.gz",
                                "1787548bbe0bff1ec2ecdc0ef292b02df999e2d1a6002d27500982c652b17203",
                                "d53e105ee54ea40749a09fcbcd1e9432")),
                new DatasetSpec.Split("test", 10000,
                        file(base, "t10k-images-idx3-ubyte.gz",
                                "1a1a05eab793c14bb050b398624a11b0ffd1a2953baed553b1b9bd079e2a20be",
                                "9fb629c4189551a2d022fa330f9573f3"),
                        file(base, "t10k-labels-idx1-ubyte.gz",
                                "b91679a0acfe4ba0e50a2437a903084cba1f5f92592b016a25a7dfd00455798b",
                                "ec29112dd5afa0611ce80d1b7f02629c"))));
    }

    private static DatasetSpec fashionMnist() {
        String base = "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/";
        ClassNames classes = new ClassNames(List.of("T-shirt/top", "Trouser", "Pullover",
                "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"));
        return new DatasetSpec("fashion-mnist", DatasetSpec.Format.IDX, classes, List.of(
                new DatasetSpec.Split("train", 60000,
                        file(base, "train-images-idx3-ubyte.gz",
                                "b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7",
                                "8d4fb7e6c68d591d4c3dfef9ec88bf0d"),
                        file(base, "train-labels-idx1-ubyte.gz",
                                "0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056",
                                "25c81989df183df01b3e8a0aad5dffbe")),
                new DatasetSpec.Split("test", 10000,
                        file(base, "t10k-images-idx3-ubyte.gz",
                                "cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa",
                                "bef4ecab320f06d8554ea6380940ec79"),
                        file(base, "t10k-labels-idx1-ubyte.gz",
                                "8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05",
                                "bb300cfdad3c16e7a12a480ee83cd310"))));
    }

    private static DatasetSpec usps() {
        String base = "https://www.csie.ntu.edu.tw/~cjlin/libsvmtools/datasets/multiclass/";
        return new DatasetSpec("usps", DatasetSpec.Format.LIBSVM_16, ClassNames.digits(), List.of(
                new DatasetSpec.Split("train", 7291,
                        file(base, "usps.bz2",
                                "a7462c2320e64605301a8a594c177b4400e414d0b1152852d518dca0c118ec32",
                                "ec16c51db3855ca6c91edd34d0e9b197"),
                        null),
                new DatasetSpec.Split("test", 2007,
                        file(base, "usps.t.bz2",
                                "15a1ac2aa80e45ac49ea5a579d32ce840eb00936478faafe1f0df46f24730792",
                                "8ea070ee2aca1ac39742fdd1ef5ed118"),
                        null)));
    }
}
