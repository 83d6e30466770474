using Microsoft.Extensions.DependencyInjection;

namespace Platform.Application.Common.Events;

internal static class DomainEventRegistration
{
    /// <summary>Registers the dispatcher and every event handler in this assembly (scoped, as they use the unit of work).</summary>
    public static IServiceCollection AddDomainEventHandlers(this IServiceCollection services)
    {
        services.AddScoped<DomainEventDispatcher>();
        var kinds = new[] { typeof(IDomainEventHandler<>), typeof(ISavedEventHandler<>) };
        var handlers = typeof(DomainEventRegistration).Assembly.GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false });
        foreach (var type in handlers)
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && kinds.Contains(i.GetGenericTypeDefinition())))
            {
                services.AddScoped(contract, type);
            }
        }

        return services;
    }
}
