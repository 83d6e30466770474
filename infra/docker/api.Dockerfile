# syntax=docker/dockerfile:1
# Builds the api image from the repository root: docker build -f infra/docker/api.Dockerfile .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Api/Platform.Api.csproj -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# Runs as the image's unprivileged user; state lives in mounted volumes, never in the image.
USER $APP_UID
ENTRYPOINT ["dotnet", "Platform.Api.dll"]
