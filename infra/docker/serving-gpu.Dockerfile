# syntax=docker/dockerfile:1
# The GPU serving image, from the repository root:
#   docker build -f infra/docker/serving-gpu.Dockerfile -t platform/serving-gpu .
# Run it with Serving__ExecutionProvider=Cuda. ONNX Runtime's GPU flavour (-p:OnnxRuntimeFlavour=Gpu) on CUDA 13 and
# cuDNN 9; check it on a GPU node: docker run --gpus all platform/serving-gpu --check-onnxruntime
ARG CUDA_IMAGE=nvidia/cuda:13.0.0-cudnn-runtime-ubuntu24.04

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Serving/Platform.Serving.csproj -c Release -r linux-x64 --self-contained false -o /app --nologo \
    -p:OnnxRuntimeFlavour=Gpu

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS dotnet

FROM ${CUDA_IMAGE}
COPY --from=dotnet /usr/share/dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet \
    && apt-get update && apt-get install -y --no-install-recommends ca-certificates libssl3t64 \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --uid 1654 --no-create-home --shell /usr/sbin/nologin app
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080
USER 1654
ENTRYPOINT ["dotnet", "Platform.Serving.dll"]
