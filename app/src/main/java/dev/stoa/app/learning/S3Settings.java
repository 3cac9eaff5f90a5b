package dev.stoa.app.learning;

import dev.stoa.command.platform.StartupRefused;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * {@code stoa.learning.content.s3.*}: where the S3 content store lives. An empty endpoint is AWS itself; an empty
 * region and empty keys fall back to the SDK's defaults (AWS_REGION, AWS_ACCESS_KEY_ID, profiles, instance roles).
 */
record S3Settings(String endpoint, String region, String bucket, String accessKey, String secretKey, boolean pathStyle,
                  String prefix) {
    static final Region FALLBACK_REGION = Region.US_EAST_1;

    /** Refuses what cannot work, before anything connects: no bucket, half a key pair, an endpoint that is no URL. */
    S3Settings {
        if (blank(bucket))
            throw new StartupRefused("stoa.learning.content.store is s3 but stoa.learning.content.s3.bucket is not set",
                    "set STOA_LEARNING_CONTENT_S3_BUCKET to an existing bucket (or stoa.learning.content.store to local)");
        if (blank(accessKey) != blank(secretKey))
            throw new StartupRefused("only one of stoa.learning.content.s3.access-key and .secret-key is set",
                    "set both STOA_LEARNING_CONTENT_S3_ACCESS_KEY and STOA_LEARNING_CONTENT_S3_SECRET_KEY, or neither to use the AWS default credentials");
        if (!blank(endpoint) && !(endpoint.startsWith("http://") || endpoint.startsWith("https://")))
            throw new StartupRefused("stoa.learning.content.s3.endpoint is not an http(s) URL: " + endpoint,
                    "set STOA_LEARNING_CONTENT_S3_ENDPOINT to e.g. http://minio:9000, or leave it empty for AWS");
        prefix = prefix == null ? "" : prefix;
    }

    /**
     * A client over the JDK's HTTP connection. Checksums only where the API requires them: the SDK's default trailing
     * checksums (aws-chunked uploads) are not understood by every S3-compatible service.
     */
    S3ClientBuilder clientBuilder() {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(blank(region) ? defaultRegion() : Region.of(region))
                .credentialsProvider(credentials())
                .forcePathStyle(pathStyle)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (!blank(endpoint)) builder.endpointOverride(URI.create(endpoint));
        return builder;
    }

    S3ContentStore store() { return new S3ContentStore(clientBuilder().build(), bucket, prefix); }

    private AwsCredentialsProvider credentials() {
        if (blank(accessKey)) return DefaultCredentialsProvider.builder().build();
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
    }

    /** S3-compatible services mostly ignore the region but the signature needs one. */
    private static Region defaultRegion() {
        try {
            return DefaultAwsRegionProviderChain.builder().build().getRegion();
        } catch (SdkClientException none) {
            return FALLBACK_REGION;
        }
    }

    private static boolean blank(String value) { return value == null || value.isBlank(); }

    @Override
    public String toString() { // never the secret
        return "S3Settings[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + ", pathStyle=" + pathStyle
                + ", prefix=" + prefix + "]";
    }
}
