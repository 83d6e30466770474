using Microsoft.Extensions.DependencyInjection;
using Platform.Application.Common.Behaviours;

namespace Platform.Application;

public static class DependencyInjection
{
    /// <summary>The mediator with its pipeline (the workspace, authorisation, then validation), every validator, and the domain event handlers.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddMediator((MediatorOptions options) =>
        {
            options.Namespace = "Platform.Application.Mediator";
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors = [typeof(WorkspaceBehaviour<,>), typeof(AuthorizationBehaviour<,>), typeof(ValidationBehaviour<,>), typeof(Common.Auditing.AuditBehaviour<,>)];
        });
        services.AddScoped<Common.Auditing.AuditScope>();
        services.AddSingleton<Common.Security.WorkspaceIsolationSwitch>();
        services.AddScoped<Common.Security.WorkspaceScope>();
        services.AddScoped<Jobs.JobShares>();
        services.AddScoped<Workspaces.StorageQuota>();
        services.AddScoped<Workspaces.WorkspaceQuotas>();
        services.AddScoped<IWorkspaceScope>(sp => sp.GetRequiredService<Common.Security.WorkspaceScope>());
        Common.Events.DomainEventRegistration.AddDomainEventHandlers(services);
        // A rule stops at its first failure: later checks in it (length, format) may assume earlier ones held.
        ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Singleton, includeInternalTypes: true);
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
