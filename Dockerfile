# Integreat.Lists: the list daemon in one container.
# Build: docker build -t integreat-lists .
# Run:   docker run -d -p 25:2525 -v lists-data:/data integreat-lists
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props Integreat.Lists.sln ./
COPY config/ config/
COPY src/ src/
RUN dotnet publish src/Integreat.Lists.Daemon/Integreat.Lists.Daemon.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
RUN useradd --system --uid 10025 --home-dir /data --shell /usr/sbin/nologin lists \
 && mkdir -p /data && chown lists:lists /data
WORKDIR /data
COPY --from=build /app /app
# Configuration by environment (INTEGREAT_LISTS_Section__Key) and mounted files (--config).
ENV INTEGREAT_LISTS_Storage__Directory=/data \
    INTEGREAT_LISTS_Delivery__PickupDirectory=/data/pickup \
    INTEGREAT_LISTS_Smtp__Listen__0=0.0.0.0:2525
VOLUME /data
EXPOSE 2525
USER lists
HEALTHCHECK --interval=30s --timeout=10s --start-period=20s --retries=3 CMD ["/app/integreat-lists", "healthcheck"]
ENTRYPOINT ["/app/integreat-lists"]
CMD ["serve"]
