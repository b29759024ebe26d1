# Integreat.Lists: the list daemon in one container (see deploy/README.md).
# Build: docker build -t integreat-lists .
# Run:   docker run -d -p 25:25 -p 127.0.0.1:8025:8025 -v lists-data:/data integreat-lists
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props Integreat.Lists.sln ./
COPY config/ config/
COPY src/ src/
RUN dotnet publish src/Integreat.Lists.Daemon/Integreat.Lists.Daemon.csproj -c Release -o /app

# The ASP.NET Core runtime: the web port (health, readiness, metrics) runs on Kestrel.
FROM mcr.microsoft.com/dotnet/aspnet:10.0
# The Public Suffix List defines organisational domains for DMARC (Dns:PublicSuffixList).
RUN apt-get update && apt-get install -y --no-install-recommends publicsuffix && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10025 --home-dir /data --shell /usr/sbin/nologin lists \
 && mkdir -p /data && chown lists:lists /data
WORKDIR /data
COPY --from=build /app /app
# Configuration only by environment (INTEGREAT_LISTS_Section__Key) and mounted files (--config /config/settings.json).
# Docker lets an unprivileged process bind ports below 1024 inside the container (net.ipv4.ip_unprivileged_port_start=0),
# so the daemon listens on 25 without root.
ENV INTEGREAT_LISTS_Storage__Directory=/data \
    INTEGREAT_LISTS_Delivery__PickupDirectory=/data/pickup \
    INTEGREAT_LISTS_Smtp__Listen__0=0.0.0.0:25 \
    INTEGREAT_LISTS_Web__Listen=http://0.0.0.0:8025
VOLUME /data
EXPOSE 25 8025
USER lists
# SMTP greeting, then store, runners and queues through the control socket; exit 0 or 1.
HEALTHCHECK --interval=30s --timeout=10s --start-period=20s --retries=3 CMD ["/app/integreat-lists", "healthcheck"]
STOPSIGNAL SIGTERM
ENTRYPOINT ["/app/integreat-lists"]
CMD ["serve"]
