# ringkas in a container: Node 20, Debian's Chromium and fonts, ringkas installed from the tarball
# `npm pack` makes, as `npm install -g ringkas` would install it. Mount the articles at /work:
#   docker build -t ringkas .
#   docker run --rm -v "$PWD:/work" ringkas build article.md --format pdf
# The decks are written as the user `node` (uid 1000); where the mounted folder belongs to another
# uid, add --user "$(id -u):$(id -g)".

# Build stage: compile, bundle and pack, exactly as a release is packed.
FROM node:20-bookworm-slim AS build
WORKDIR /src
COPY . .
# npm ci runs the package's prepare script, which is `npm run build`; pack skips it the second time.
RUN npm ci --no-audit --no-fund && npm pack --ignore-scripts && mv ringkas-*.tgz /tmp/ringkas.tgz

# Final stage: the packed package and a browser, nothing of the build.
FROM node:20-bookworm-slim
# Chromium renders PDF, PPTX and PNG; the themes' own fonts travel inside the decks, these cover
# everything else (Latin, Indonesian, symbols).
RUN apt-get update \
  && apt-get install -y --no-install-recommends chromium fonts-noto-core fonts-dejavu-core \
  && rm -rf /var/lib/apt/lists/*
# Docker's default seccomp profile refuses the user namespaces Chromium's sandbox needs when it runs
# as a user other than root, so Chromium would not start. Debian's launcher (/usr/bin/chromium)
# clears CHROMIUM_FLAGS from the environment and then sources /etc/chromium.d/*, so the flag goes
# there. The container is the sandbox here.
RUN echo 'export CHROMIUM_FLAGS="$CHROMIUM_FLAGS --no-sandbox"' > /etc/chromium.d/zz-ringkas-container
COPY --from=build /tmp/ringkas.tgz /tmp/ringkas.tgz
# The Chromium shipped in the optional @sparticuz/chromium package (64 MB) is never used with
# CHROME_PATH set, so it goes.
RUN npm install -g --omit=dev --no-audit --no-fund /tmp/ringkas.tgz \
  && rm -rf /tmp/ringkas.tgz "$(npm root -g)/ringkas/node_modules/@sparticuz" \
  && npm cache clean --force
ENV CHROME_PATH=/usr/bin/chromium
USER node
WORKDIR /work
ENTRYPOINT ["ringkas"]
CMD ["--help"]
