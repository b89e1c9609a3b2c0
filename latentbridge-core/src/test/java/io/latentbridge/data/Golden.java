package io.latentbridge.data;

/**
 * Committed golden hashes (see {@link PreprocessingTest}): SHA-256 of the little-endian float32
 * values of the first 100 preprocessed training images. Pinned after checking the images by eye
 * (USPS upright, white on black, filling the frame like MNIST, values in [0, 1]).
 */
final class Golden {
    static final String MNIST = "dba98874563967db03a3ea5a4887a65e22109a50621655d5842a965b7cafa73a";
    static final String FASHION = "2e30cc440e70d21cef770df1665cd4b2641be732f8dfbddfc5fddd0bb883880a";
    static final String USPS = "4349a664afcb5b95cfbc42ad2b568539bbf2b188b374833aa79461a6607fa011";
    static final String USPS_RGB32 = "eb8d28a74cb6a1fa3411fab65de09723435cfe55d3df03efee4b38b152162ecf";

    private Golden() {}
}
