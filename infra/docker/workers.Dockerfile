# syntax=docker/dockerfile:1
# Builds the (CPU) workers image from the repository root: docker build -f infra/docker/workers.Dockerfile .
# ONNX Runtime's CPU flavour, the default; the GPU workers have their own image (workers-gpu.Dockerfile).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Workers/Platform.Workers.csproj -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/runtime:10.0
WORKDIR /app
COPY --from=build /app .
# Runs as the image's unprivileged user; state lives in mounted volumes, never in the image.
USER $APP_UID
ENTRYPOINT ["dotnet", "Platform.Workers.dll"]
