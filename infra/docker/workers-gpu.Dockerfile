# syntax=docker/dockerfile:1
# The GPU workers image (infra/k8s/workers-gpu.yaml), from the repository root:
#   docker build -f infra/docker/workers-gpu.Dockerfile -t platform/workers-gpu .
# ONNX Runtime's GPU flavour (-p:OnnxRuntimeFlavour=Gpu: CUDA and TensorRT providers) on CUDA 13 and cuDNN 9, which its
# CUDA provider loads. Check an image on a GPU node: docker run --gpus all platform/workers-gpu --check-onnxruntime
# ("used":"CUDA"; without a GPU or CUDA it says "used":"CPU" and why).
ARG CUDA_IMAGE=nvidia/cuda:13.0.0-cudnn-runtime-ubuntu24.04

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
# One runtime identifier: only the linux-x64 native files (~330 MB) go into the image.
RUN dotnet publish src/Workers/Platform.Workers.csproj -c Release -r linux-x64 --self-contained false -o /app --nologo \
    -p:OnnxRuntimeFlavour=Gpu

FROM mcr.microsoft.com/dotnet/runtime:10.0 AS dotnet

FROM ${CUDA_IMAGE}
COPY --from=dotnet /usr/share/dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet \
    && apt-get update && apt-get install -y --no-install-recommends ca-certificates libssl3t64 \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --uid 1654 --no-create-home --shell /usr/sbin/nologin app
WORKDIR /app
COPY --from=build /app .
# The same unprivileged user id as the .NET images' APP_UID; state lives in mounted volumes, never in the image.
USER 1654
ENTRYPOINT ["dotnet", "Platform.Workers.dll"]
