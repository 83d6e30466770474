using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Application.Notifications.Webhooks;

namespace Platform.Infrastructure.Notifications;

internal static class NotificationServices
{
    /// <summary>Webhook secrets, the event dispatcher and the webhook sender (the live push is the Api's SignalR).</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<NotificationOptions>(configuration.GetSection(NotificationOptions.Section));
        services.AddSingleton<IWebhookSecrets, WebhookSecrets>();
        services.AddHttpClient(WebhookPoster.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .RemoveAllLoggers(); // a receiver's URL may carry its own token; the sender logs failures by delivery id
        services.AddSingleton<WebhookPoster>();
        services.AddHostedService<NotificationDispatcher>();
        services.AddHostedService<WebhookSender>();
        return services;
    }
}
