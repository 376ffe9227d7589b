# Recovery Review as a container image for the Kubernetes Jobs in deploy/kubernetes/.
# Build (after ./mvnw package, which writes target/recovery-review.jar):
#   docker build -t registry.example.org/recovery-review:$(git describe --tags --always) .
# Every shard pod and the merge pod must run the same image: the reviews embed the CJK font of the
# image, so a different font package would change bytes between shards.
FROM eclipse-temurin:17.0.15_6-jre-noble

# Noto CJK: reviews of patients with Chinese, Japanese or Korean names embed a subset of it
# (report/CjkFontFinder looks in /usr/share/fonts/opentype/noto/). The Latin fonts are in the jar.
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-noto-cjk \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin recovery

COPY target/recovery-review.jar /app/recovery-review.jar

# Without a UTF-8 locale Java cannot open paths with non-ASCII letters (docs/operations.md).
ENV LANG=C.UTF-8 TZ=UTC
USER 10001
WORKDIR /app
ENTRYPOINT ["java", "-jar", "/app/recovery-review.jar"]
CMD ["--help"]
