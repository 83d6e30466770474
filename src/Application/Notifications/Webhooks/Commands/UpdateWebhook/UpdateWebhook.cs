namespace Platform.Application.Notifications.Webhooks.Commands.UpdateWebhook;

/// <summary>Changes where a subscription posts, which events it wants, or turns it off and on; a field left out stays.</summary>
[RequiresRole(Permissions.Administer)]
public sealed record UpdateWebhookCommand(Guid Id, string? Url, IReadOnlyList<string>? EventTypes, bool? Active) : ICommand<WebhookSubscriptionDto>;

public sealed class UpdateWebhookCommandValidator : AbstractValidator<UpdateWebhookCommand>
{
    public UpdateWebhookCommandValidator()
    {
        RuleFor(c => c.Url!).ValidWebhookUrl().When(c => c.Url is not null).OverridePropertyName("Url");
        RuleForEach(c => c.EventTypes).KnownEventType();
    }
}

public sealed class UpdateWebhookCommandHandler(IPlatformDbContext db) : ICommandHandler<UpdateWebhookCommand, WebhookSubscriptionDto>
{
    public async ValueTask<WebhookSubscriptionDto> Handle(UpdateWebhookCommand command, CancellationToken cancellationToken)
    {
        var subscription = await db.WebhookSubscriptions.FindAsync([command.Id], cancellationToken)
            ?? throw new NotFoundException("Webhook", command.Id);
        subscription.Change(
            command.Url is null ? new Uri(subscription.Url) : WebhookRules.Parse(command.Url),
            command.EventTypes ?? subscription.EventTypes.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            command.Active ?? subscription.Active);
        await db.SaveChangesAsync(cancellationToken);
        return WebhookSubscriptionDto.From(subscription);
    }
}
