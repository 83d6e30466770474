using Microsoft.AspNetCore.SignalR;
using Platform.Application.Common.Interfaces;

namespace Platform.Api.Hubs;

internal static class SignalRSetup
{
    public static IServiceCollection AddPlatformSignalR(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(SignalROptions.Section).Get<SignalROptions>() ?? new SignalROptions();
        var signalR = services.AddSignalR(o => o.AddFilter(new CurrentUserHubFilter())).AddJsonProtocol(o => ApiComposition.ConfigureJson(o.PayloadSerializerOptions));
        if (!string.IsNullOrWhiteSpace(options.RedisConnectionString))
        {
            signalR.AddStackExchangeRedis(options.RedisConnectionString, o => o.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("platform"));
        }

        services.AddSingleton<IJobNotifier, SignalRJobNotifier>();
        services.AddSingleton<Application.Notifications.INotificationPush, SignalRNotificationPush>();
        return services;
    }
}
